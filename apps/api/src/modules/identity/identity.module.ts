import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, SessionsRepository],
  exports: [TokenService, SessionsRepository],
})
export class IdentityModule {}
