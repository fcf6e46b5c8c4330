import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController, MeController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    TokenService,
    SessionsRepository,
    UsersRepository,
    PasswordService,
    LoginThrottle,
    AuthService,
    UsersService,
  ],
  exports: [TokenService, SessionsRepository, UsersRepository],
})
export class IdentityModule {}
