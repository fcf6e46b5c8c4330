import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse } from '@phonghop/common';
import { Public } from '../../common/auth/decorators';
import { HealthProbe } from './health-probe';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probe: HealthProbe) {}

  /** 200 `{ status: 'ok', db: 'up' }`, or 503 with `db: 'down'` when PostgreSQL does not answer. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const dbUp = await this.probe.databaseUp();
    if (!dbUp) res.status(503);
    return { status: dbUp ? 'ok' : 'degraded', db: dbUp ? 'up' : 'down' };
  }
}
