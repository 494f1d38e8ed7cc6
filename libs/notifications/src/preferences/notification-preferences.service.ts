import { Injectable } from '@nestjs/common';

import type { NotificationPreferencesDto } from '@hearth/contracts';
import { Clock, Transactions, ValidationFailedException } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { Notifier } from '../outbox/notifier.js';
import type { NotificationPreferencesBody } from './dto/notification-preferences.dto.js';
import { NotificationPreferencesRow } from './notification-preferences.entity.js';
import { CATEGORIES, isTimeZone, withDefaults, type Preferences } from './preferences.js';

/** My notification preferences: per category and channel, quiet hours, time zone, group names on lock screens. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly policy: GroupPolicy,
  ) {}

  async get(caller: Caller): Promise<NotificationPreferencesDto> {
    const preferences = (await this.notifier.preferencesOf([caller.userId])).get(caller.userId);
    return this.view(caller, preferences ?? withDefaults(null));
  }

  async update(caller: Caller, body: NotificationPreferencesBody): Promise<NotificationPreferencesDto> {
    if (body.timeZone !== undefined && !isTimeZone(body.timeZone))
      throw new ValidationFailedException([
        { field: 'timeZone', message: 'timeZone must be an IANA time zone such as America/Chicago' },
      ]);
    const staff = await this.onCall(caller);
    if (staff && (body.channels?.crisis?.push === false || body.channels?.crisis?.email === false))
      throw new ValidationFailedException([
        {
          field: 'channels.crisis',
          message: 'Crisis alerts stay on by push and email while you facilitate a group or run this Hearth',
          code: 'crisisStaysOn',
        },
      ]);
    const saved = await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(NotificationPreferencesRow, { userId: caller.userId });
      const current = withDefaults(row ? (JSON.parse(row.settings) as Partial<Preferences>) : null);
      const next: Preferences = {
        channels: Object.fromEntries(
          CATEGORIES.map((category) => [
            category,
            { ...current.channels[category], ...body.channels?.[category] },
          ]),
        ) as Preferences['channels'],
        quietHours:
          body.quietHours === undefined
            ? current.quietHours
            : body.quietHours && { start: body.quietHours.start, end: body.quietHours.end },
        timeZone: body.timeZone ?? current.timeZone,
        showGroupNames: body.showGroupNames ?? current.showGroupNames,
        meetingReminders: body.meetingReminders
          ? [...new Set(body.meetingReminders)].sort((a, b) => b - a)
          : current.meetingReminders,
        messageDigestHours:
          body.messageDigestHours === undefined ? current.messageDigestHours : body.messageDigestHours,
        language: body.language ?? current.language,
      };
      await manager.save(
        manager.create(NotificationPreferencesRow, {
          userId: caller.userId,
          settings: JSON.stringify(next),
          updatedAt: this.clock.now(),
        }),
      );
      return next;
    });
    return this.view(caller, saved, staff);
  }

  private async view(
    caller: Caller,
    preferences: Preferences,
    staff?: boolean,
  ): Promise<NotificationPreferencesDto> {
    const locked = (staff ?? (await this.onCall(caller))) ? (['crisis'] as const) : [];
    const channels = { ...preferences.channels };
    if (locked.length) channels.crisis = { push: true, email: true };
    return { ...preferences, channels, locked: [...locked] };
  }

  /** Facilitators and admins hear every crisis alert of their groups, whatever they chose. */
  private async onCall(caller: Caller): Promise<boolean> {
    return caller.role !== 'member' || (await this.policy.facilitatedGroupIds(caller.userId)).length > 0;
  }
}
