import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { JoinRequest } from '../join-requests/join-request.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { GroupKeys } from './group-keys.service.js';

const byOwnGroup = <T extends { id: string; groupId: string }>(rows: T[]) =>
  Promise.resolve(new Map(rows.map((row) => [row.id, row.groupId])));

/**
 * At startup, gives groups created before sealing their key, and seals join-request messages and meeting places
 * written before they were sealed.
 */
@Injectable()
export class GroupsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(GroupsBackfill.name);

  constructor(private readonly keys: GroupKeys) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.keys.createMissing();
    if (created > 0) this.logger.log({ created }, 'Created keys for groups that had none');
    const sealed =
      (await this.keys.sealLegacy(
        JoinRequest,
        'join_requests',
        [
          { property: 'message', column: 'message' },
          { property: 'decisionNote', column: 'decision_note' },
        ],
        byOwnGroup,
      )) +
      (await this.keys.sealLegacy(
        Meeting,
        'meetings',
        [
          { property: 'location', column: 'location' },
          { property: 'videoUrl', column: 'video_url' },
        ],
        byOwnGroup,
      ));
    if (sealed > 0) this.logger.log({ sealed }, 'Sealed legacy plaintext of join requests and meetings');
  }
}
