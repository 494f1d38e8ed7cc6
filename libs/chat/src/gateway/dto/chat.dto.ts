import { IsBoolean, IsIn, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';

import { Omittable } from '@hearth/core';
import { MESSAGE_MAX_LENGTH, REACTION_EMOJI, type ReactionEmoji } from '@hearth/contracts';

// Socket payloads. Body lengths are checked loosely here (before trimming) and exactly by the service.

export class GroupJoinDto {
  @IsUUID()
  groupId!: string;

  @Omittable()
  @IsInt()
  @Min(0)
  sinceSeq?: number;
}

export class GroupRefDto {
  @IsUUID()
  groupId!: string;
}

export class MessageSendDto {
  @IsUUID()
  groupId!: string;

  @IsUUID()
  clientId!: string;

  @IsString()
  @MaxLength(MESSAGE_MAX_LENGTH * 2)
  body!: string;

  @Omittable()
  @IsUUID()
  replyToId?: string;
}

export class MessageEditDto {
  @IsUUID()
  messageId!: string;

  @IsString()
  @MaxLength(MESSAGE_MAX_LENGTH * 2)
  body!: string;
}

export class MessageRefDto {
  @IsUUID()
  messageId!: string;
}

export class ReactionDto {
  @IsUUID()
  messageId!: string;

  @IsIn(REACTION_EMOJI)
  emoji!: ReactionEmoji;
}

export class TypingDto {
  @IsUUID()
  groupId!: string;

  @IsBoolean()
  isTyping!: boolean;
}

export class ReadDto {
  @IsUUID()
  groupId!: string;

  @IsInt()
  @Min(0)
  seq!: number;
}

export class AuthRefreshDto {
  @IsString()
  @MaxLength(4096)
  token!: string;
}
