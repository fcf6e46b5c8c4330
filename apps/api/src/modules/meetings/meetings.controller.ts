import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  AddParticipantRequestSchema,
  CreateMeetingRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  Meeting,
  MeetingDetail,
  MeetingEventsQuerySchema,
  MeetingEventsResponse,
  MeetingListQuerySchema,
  MeetingListResponse,
  Participant,
  ParticipantCandidatesQuerySchema,
  ParticipantCandidatesResponse,
  RespondInvitationRequestSchema,
  TransitionMeetingRequestSchema,
  UpdateMeetingRequestSchema,
  HandOverChairRequestSchema,
  UpdateParticipantRequestSchema,
} from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Clock } from '../../common/clock/clock';
import { IdempotencyKey, MeetingIdPipe, ParticipantIdPipe } from '../meeting-events/http-params';
import { MeetingReadService } from './meeting-read.service';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

class MeetingListQueryDto extends createZodDto(MeetingListQuerySchema) {}
class CreateMeetingDto extends createZodDto(CreateMeetingRequestSchema) {}
class UpdateMeetingDto extends createZodDto(UpdateMeetingRequestSchema) {}
class TransitionMeetingDto extends createZodDto(TransitionMeetingRequestSchema) {}
class AddParticipantDto extends createZodDto(AddParticipantRequestSchema) {}
class UpdateParticipantDto extends createZodDto(UpdateParticipantRequestSchema) {}
class HandOverChairDto extends createZodDto(HandOverChairRequestSchema) {}
class RespondInvitationDto extends createZodDto(RespondInvitationRequestSchema) {}
class MeetingEventsQueryDto extends createZodDto(MeetingEventsQuerySchema) {}
class CandidatesQueryDto extends createZodDto(ParticipantCandidatesQuerySchema) {}

@ApiTags('meetings')
@ApiBearerAuth()
@ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'uuid; a retry with it acts once' })
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly read: MeetingReadService,
    private readonly repo: MeetingsRepository,
    private readonly clock: Clock,
  ) {}

  /** My meetings (all meetings for a system admin). */
  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: MeetingListQueryDto,
  ): Promise<MeetingListResponse> {
    const items = await this.repo.list(
      { id: user.id, isAdmin: user.systemRole === 'admin' },
      query,
      this.clock.now(),
    );
    return { items };
  }

  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Body() body: CreateMeetingDto,
  ): Promise<Meeting> {
    return (await this.meetings.create({ user, idempotencyKey }, body)).result;
  }

  /** The user directory, for adding participants (any signed-in user may prepare a meeting). */
  @Get('participant-candidates')
  async candidates(@Query() query: CandidatesQueryDto): Promise<ParticipantCandidatesResponse> {
    return { items: await this.repo.candidates(query.q) };
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', MeetingIdPipe) id: string): Promise<MeetingDetail> {
    return this.read.detail(user, id);
  }

  @Patch(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<Meeting> {
    return (await this.meetings.update({ user, idempotencyKey }, id, body)).result;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  async transition(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Body() body: TransitionMeetingDto,
  ): Promise<Meeting> {
    return (
      await this.meetings.transition({ user, idempotencyKey }, id, body.to, 'meeting.transition', {
        confirmNoQuorum: body.confirmNoQuorum,
      })
    ).result;
  }

  @Get(':id/events')
  events(
    @CurrentUser() user: AuthUser,
    @Param('id', MeetingIdPipe) id: string,
    @Query() query: MeetingEventsQueryDto,
  ): Promise<MeetingEventsResponse> {
    return this.read.events(user, id, query.sinceSeq, query.limit);
  }

  @Post(':id/participants')
  async addParticipant(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Body() body: AddParticipantDto,
  ): Promise<Participant> {
    return (await this.meetings.addParticipant({ user, idempotencyKey }, id, body)).result;
  }

  @Patch(':id/participants/:userId')
  async changeRole(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Param('userId', ParticipantIdPipe) userId: string,
    @Body() body: UpdateParticipantDto,
  ): Promise<Participant> {
    return (await this.meetings.changeRole({ user, idempotencyKey }, id, userId, body.role)).result;
  }

  @Delete(':id/participants/:userId')
  @HttpCode(204)
  async removeParticipant(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Param('userId', ParticipantIdPipe) userId: string,
  ): Promise<void> {
    await this.meetings.removeParticipant({ user, idempotencyKey }, id, userId);
  }

  /** Hands the chair to another participant (see docs/events/meeting.handOver.md). */
  @Post(':id/chair')
  @HttpCode(200)
  async handOverChair(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Body() body: HandOverChairDto,
  ): Promise<Participant> {
    return (await this.meetings.handOverChair({ user, idempotencyKey }, id, body.toUserId)).result;
  }

  /** The caller answers their own invitation. */
  @Post(':id/invitation')
  @HttpCode(200)
  async respond(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('id', MeetingIdPipe) id: string,
    @Body() body: RespondInvitationDto,
  ): Promise<Participant> {
    return (await this.meetings.respond({ user, idempotencyKey }, id, body)).result;
  }
}
