import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@hearth/core';
import type { CrisisResourceSetDto } from '@hearth/contracts';

import { RoomSettings } from '../room-mode/room-settings.entity.js';
import {
  DEFAULT_CRISIS_COUNTRY,
  DEFAULT_CRISIS_RESOURCES,
  DEFAULT_CRISIS_RESOURCES_ES,
} from './default-crisis-resources.js';
import { InstanceSetting } from './instance-setting.entity.js';

const INSTANCE_KEY = 'crisis_resources';

export type ResourceSet = CrisisResourceSetDto;
export type Language = 'en' | 'es';

/**
 * Which crisis resources apply: the group's own, else the instance's, else the built-in US defaults. Asked for
 * Spanish, the built-in defaults come in Spanish; a set an admin or facilitator wrote is shown as written.
 */
@Injectable()
export class SafetyResources {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forGroup(groupId: string, language: Language = 'en'): Promise<ResourceSet & { language: Language }> {
    const settings = await this.dataSource.manager.findOneBy(RoomSettings, { groupId });
    if (settings?.crisisResources?.length) {
      return {
        country: settings.crisisCountry ?? (await this.forInstance()).country,
        resources: settings.crisisResources,
        language,
      };
    }
    return { ...(await this.forInstance(language)), language };
  }

  async forInstance(language: Language = 'en'): Promise<ResourceSet> {
    const row = await this.dataSource.manager.findOneBy(InstanceSetting, { key: INSTANCE_KEY });
    return (
      (row?.value as ResourceSet | undefined) ?? {
        country: DEFAULT_CRISIS_COUNTRY,
        resources: language === 'es' ? DEFAULT_CRISIS_RESOURCES_ES : DEFAULT_CRISIS_RESOURCES,
      }
    );
  }

  async setInstance(set: ResourceSet): Promise<ResourceSet> {
    await this.dataSource.manager.upsert(
      InstanceSetting,
      { key: INSTANCE_KEY, value: set, updatedAt: this.clock.now() },
      ['key'],
    );
    return set;
  }
}
