import { Injectable, Logger } from '@nestjs/common';
import type { LeakTraceResult } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { Query, readTextLayerCodes, traceCode, traceMarks } from './leak-trace';
import type { FoundMarks } from './stamp/marks';
import { StampPoolProvider } from './stamp-pool.provider';

/** The admin's leak trace: a leaked file or a typed code → whose copy it was. Admins only (the controller). */
@Injectable()
export class LeakTraceService {
  private readonly logger = new Logger('LeakTrace');
  private readonly query: Query;

  constructor(
    dataSource: DataSource,
    private readonly pool: StampPoolProvider,
  ) {
    this.query = <T>(sql: string, params: unknown[]) => dataSource.query(sql, params) as Promise<T[]>;
  }

  async traceFile(adminId: string, pdf: Uint8Array): Promise<LeakTraceResult> {
    let found: FoundMarks | null = null;
    try {
      found = await this.pool.readMarks(pdf);
    } catch (err) {
      this.logger.warn(`leak trace: pdf-lib could not open the file (${(err as Error).message})`);
    }
    const text = await readTextLayerCodes(pdf);
    if (!found && text.visible.size + text.textMark.size === 0)
      throw new AppException('LEAK_FILE_UNREADABLE');
    const result = await traceMarks(this.query, found, text);
    this.logger.log(
      `leak trace by ${adminId}: ${result.verdict} ${result.copies.map((c) => c.code).join(',')}`,
    );
    return result;
  }

  async traceCode(adminId: string, code: string): Promise<LeakTraceResult> {
    const result = await traceCode(this.query, code);
    if (!result) throw new AppException('COPY_CODE_INVALID');
    if (result.copies.length === 0) throw new AppException('COPY_NOT_FOUND');
    this.logger.log(`leak trace by ${adminId}: code ${result.copies[0].code}`);
    return result;
  }
}
