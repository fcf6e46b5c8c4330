import {
  CreateUserRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
  UserDirectoryQuerySchema,
  UserDirectoryResponseSchema,
  UserIdParamSchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserSchema,
} from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';

/** Nest DTO classes over the shared schemas: validated by the global zod pipe, listed in OpenAPI. */
export class LoginRequestDto extends createZodDto(LoginRequestSchema) {}
export class LoginResponseDto extends createZodDto(LoginResponseSchema) {}
export class UserDto extends createZodDto(UserSchema) {}
export class UserListQueryDto extends createZodDto(UserListQuerySchema) {}
export class UserListResponseDto extends createZodDto(UserListResponseSchema) {}
export class UserDirectoryQueryDto extends createZodDto(UserDirectoryQuerySchema) {}
export class UserDirectoryResponseDto extends createZodDto(UserDirectoryResponseSchema) {}
export class UserIdParamDto extends createZodDto(UserIdParamSchema) {}
export class CreateUserRequestDto extends createZodDto(CreateUserRequestSchema) {}
export class UpdateUserRequestDto extends createZodDto(UpdateUserRequestSchema) {}
export class ResetPasswordRequestDto extends createZodDto(ResetPasswordRequestSchema) {}
