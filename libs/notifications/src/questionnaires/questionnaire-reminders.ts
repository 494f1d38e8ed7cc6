import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { GroupPolicy } from '@hearth/groups';
import { Cadences, INSTRUMENTS } from '@hearth/questionnaires';

import type { Notice } from '../outbox/notice.js';
import { Notifier } from '../outbox/notifier.js';
import { fromTimer, oneAtATime } from '../outbox/periodic.js';
import type { Preferences } from '../preferences/preferences.js';

/**
 * Reminds a member once each time a questionnaire comes due: on her own schedule, or because a group asks.
 * Content-free like every notice: the instrument is named (it is hers to know), never a score; the group only
 * with "show group names". Every node looks every few minutes; the key (person, instrument, since when due)
 * keeps it to one reminder per due spell.
 */
@Injectable()
export class QuestionnaireReminders {
  private readonly logger = new Logger(QuestionnaireReminders.name);

  constructor(
    private readonly cadences: Cadences,
    private readonly notifier: Notifier,
    private readonly policy: GroupPolicy,
  ) {}

  @Interval('questionnaire-reminders', 5 * 60_000)
  poll(): void {
    fromTimer(this.logger, 'Questionnaire reminders', this.remind);
  }

  readonly remind = oneAtATime(async () => {
    let written = 0;
    const names = new Map<string, string | null>();
    for (const due of await this.cadences.dueNow()) {
      if (due.groupId && !names.has(due.groupId))
        names.set(due.groupId, (await this.policy.group(due.groupId))?.name ?? null);
      const group = due.groupId ? (names.get(due.groupId) ?? null) : null;
      written += await this.notifier.notify([due.userId], {
        key: `questionnaire:${due.instrument}:${due.dueSince.getTime()}`,
        topic: `questionnaire:${due.instrument}`,
        category: 'questionnaires',
        compose: (preferences) => reminderNotice(preferences, INSTRUMENTS[due.instrument].name, group),
      });
    }
    return written;
  });
}

function reminderNotice(preferences: Preferences, name: string, group: string | null): Notice {
  const language = preferences.language ?? 'en';
  const named = preferences.showGroupNames && group;
  const words =
    language === 'es'
      ? {
          title: `Es hora de tu ${name}`,
          asks: group ? (named ? `${group} lo pide` : 'Tu grupo lo pide') : 'Lo pediste tú',
          rest: 'para estos días. Toma unos minutos, y tus respuestas son tuyas.',
        }
      : {
          title: `Time for your ${name}`,
          asks: group ? (named ? `${group} asks for it` : 'Your group asks for it') : 'You asked for it',
          rest: 'about now. It takes a few minutes, and your answers stay yours.',
        };
  return {
    kind: 'questionnaire_due',
    title: words.title,
    body: `${words.asks} ${words.rest}`,
    url: '/journal/questionnaires',
    tag: `questionnaire-${name}`,
    language,
  };
}
