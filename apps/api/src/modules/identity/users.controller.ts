import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User, UserDirectoryResponse, UserListResponse } from '@phonghop/common';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators';
import {
  CreateUserRequestDto,
  ResetPasswordRequestDto,
  UpdateUserRequestDto,
  UserDirectoryQueryDto,
  UserDirectoryResponseDto,
  UserDto,
  UserIdParamDto,
  UserListQueryDto,
  UserListResponseDto,
} from './identity.dto';
import { UsersService } from './users.service';

/**
 * `/users`: the directory for every signed-in user, everything else for system administrators.
 * @AdminOnly() is on each admin route (not the class) because the directory is open to all; the
 * directory route is declared first so that `directory` is never taken for an `:id`.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('directory')
  @ApiOperation({ summary: 'Active users as summaries, for any signed-in user (e.g. to pick participants)' })
  @ZodResponse({ status: 200, type: UserDirectoryResponseDto })
  directory(@Query() query: UserDirectoryQueryDto): Promise<UserDirectoryResponse> {
    return this.users.directory(query.q);
  }

  @AdminOnly()
  @Get()
  @ApiOperation({ summary: 'List users (admin); `q` searches ignoring case and diacritics' })
  @ZodResponse({ status: 200, type: UserListResponseDto })
  list(@Query() query: UserListQueryDto): Promise<UserListResponse> {
    return this.users.list(query);
  }

  @AdminOnly()
  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  @ZodResponse({ status: 200, type: UserDto })
  get(@Param() params: UserIdParamDto): Promise<User> {
    return this.users.get(params.id);
  }

  @AdminOnly()
  @Post()
  @ApiOperation({ summary: 'Create a user (admin); 409 USERNAME_TAKEN when the username exists' })
  @ZodResponse({ status: 201, type: UserDto })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserRequestDto): Promise<User> {
    return this.users.create(actor, body);
  }

  @AdminOnly()
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a user (admin)',
    description: '`active: false` disables the user like POST /users/{id}/disable.',
  })
  @ZodResponse({ status: 200, type: UserDto })
  update(
    @CurrentUser() actor: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: UpdateUserRequestDto,
  ): Promise<User> {
    return this.users.update(actor, params.id, body);
  }

  @AdminOnly()
  @Post(':id/disable')
  @ApiOperation({
    summary: 'Disable a user (admin)',
    description:
      "Ends all the user's sessions and closes their sockets. 409 CANNOT_DISABLE_SELF for yourself.",
  })
  @ZodResponse({ status: 200, type: UserDto })
  disable(@CurrentUser() actor: AuthUser, @Param() params: UserIdParamDto): Promise<User> {
    return this.users.update(actor, params.id, { active: false });
  }

  @AdminOnly()
  @Post(':id/enable')
  @ApiOperation({ summary: 'Enable a disabled user (admin)' })
  @ZodResponse({ status: 200, type: UserDto })
  enable(@CurrentUser() actor: AuthUser, @Param() params: UserIdParamDto): Promise<User> {
    return this.users.update(actor, params.id, { active: true });
  }

  @AdminOnly()
  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password (admin); ends all the user's sessions" })
  @ApiNoContentResponse()
  async resetPassword(
    @CurrentUser() actor: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: ResetPasswordRequestDto,
  ): Promise<void> {
    await this.users.resetPassword(actor, params.id, body.password);
  }
}
