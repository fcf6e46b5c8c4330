import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { StampPool } from './stamp/stamp-pool';

/** The node's one stamping pool (threads start on demand, leave when idle). */
@Injectable()
export class StampPoolProvider extends StampPool implements OnModuleDestroy {
  constructor() {
    super();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
