import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LeakTraceCodeRequestSchema, LeakTraceResult } from '@phonghop/common';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { LeakTraceService } from './leak-trace.service';

class LeakTraceCodeDto extends createZodDto(LeakTraceCodeRequestSchema) {}

/** A leaked file is at most this big (the documents' own default limit). */
export const LEAK_FILE_MAX_BYTES = 100 * 2 ** 20;

/** Reads the raw body up to `limit` bytes; more is answered 413 (before reading, when declared). */
async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new AppException('PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AppException('PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Leak tracing for system administrators: upload a leaked PDF (the raw bytes, `Content-Type:
 * application/pdf`) or type the code printed on a page.
 */
@ApiTags('leak-trace')
@ApiBearerAuth()
@Controller('admin/leak-trace')
export class LeakTraceController {
  constructor(private readonly trace: LeakTraceService) {}

  @Post('file')
  @HttpCode(200)
  @AdminOnly()
  async file(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<LeakTraceResult> {
    const pdf = await readBody(req, LEAK_FILE_MAX_BYTES);
    if (pdf.byteLength === 0) throw new AppException('LEAK_FILE_UNREADABLE');
    return this.trace.traceFile(user.id, pdf);
  }

  @Post('code')
  @HttpCode(200)
  @AdminOnly()
  code(@CurrentUser() user: AuthUser, @Body() body: LeakTraceCodeDto): Promise<LeakTraceResult> {
    return this.trace.traceCode(user.id, body.code);
  }
}
