import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotificationListQuerySchema, NotificationListResponse, Notification, uuid } from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from './notifications.service';

class NotificationListQueryDto extends createZodDto(NotificationListQuerySchema) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationListResponse> {
    const [items, unreadCount] = await Promise.all([
      this.notifications.list(user.id, query.unread === 'true', query.limit),
      this.notifications.unreadCount(user.id),
    ]);
    return { items, unreadCount };
  }

  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentUser() user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<Notification> {
    const parsed = uuid().safeParse(id);
    if (!parsed.success) throw new AppException('NOT_FOUND');
    return this.notifications.markRead(user.id, parsed.data);
  }
}
