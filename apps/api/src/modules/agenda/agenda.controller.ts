import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  AddAgendaItemFieldsSchema,
  AgendaItem,
  IDEMPOTENCY_KEY_HEADER,
  ReorderAgendaFieldsSchema,
  SetCurrentAgendaItemFieldsSchema,
  UpdateAgendaItemFieldsSchema,
} from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AgendaItemIdPipe, IdempotencyKey, MeetingIdPipe } from '../meeting-events/http-params';
import { AgendaService } from './agenda.service';

class AddAgendaItemDto extends createZodDto(AddAgendaItemFieldsSchema) {}
class UpdateAgendaItemDto extends createZodDto(UpdateAgendaItemFieldsSchema) {}
class ReorderAgendaDto extends createZodDto(ReorderAgendaFieldsSchema) {}
class SetCurrentAgendaItemDto extends createZodDto(SetCurrentAgendaItemFieldsSchema) {}

/** REST face of the agenda; the same commands as the socket, through the same service. */
@ApiTags('agenda')
@ApiBearerAuth()
@ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'uuid; a retry with it acts once' })
@Controller('meetings/:meetingId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
  ): Promise<{ items: AgendaItem[] }> {
    return { items: await this.agenda.list(user, meetingId) };
  }

  @Post()
  async add(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Body() body: AddAgendaItemDto,
  ): Promise<AgendaItem> {
    return (await this.agenda.add({ user, idempotencyKey }, meetingId, body)).result;
  }

  @Put('order')
  async reorder(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Body() body: ReorderAgendaDto,
  ): Promise<{ items: AgendaItem[] }> {
    return { items: (await this.agenda.reorder({ user, idempotencyKey }, meetingId, body)).result };
  }

  @Put('current')
  async setCurrent(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Body() body: SetCurrentAgendaItemDto,
  ): Promise<{ items: AgendaItem[] }> {
    return { items: (await this.agenda.setCurrent({ user, idempotencyKey }, meetingId, body.itemId)).result };
  }

  @Patch(':itemId')
  async update(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('itemId', AgendaItemIdPipe) itemId: string,
    @Body() body: UpdateAgendaItemDto,
  ): Promise<AgendaItem> {
    return (await this.agenda.update({ user, idempotencyKey }, meetingId, itemId, body)).result;
  }

  @Delete(':itemId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('itemId', AgendaItemIdPipe) itemId: string,
  ): Promise<void> {
    await this.agenda.remove({ user, idempotencyKey }, meetingId, itemId);
  }
}
