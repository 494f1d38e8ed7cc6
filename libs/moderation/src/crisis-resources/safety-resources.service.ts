import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

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
/** English is the instance's main set (the key it always had); another language has its own, when written. */
const instanceKey = (language: Language) =>
  language === 'en' ? INSTANCE_KEY : `${INSTANCE_KEY}.${language}`;

export type ResourceSet = CrisisResourceSetDto;
export type Language = 'en' | 'es';

/**
 * Which crisis resources apply: the group's own, else the instance's, else the built-in US defaults. Admins write
 * the instance's set per language; asked for Spanish, the Spanish set comes first, then the English one as written
 * (its lines are the instance's country's), then the built-in defaults in Spanish.
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
    const keys = [...new Set([instanceKey(language), INSTANCE_KEY])];
    const rows = await this.dataSource.manager.findBy(InstanceSetting, { key: In(keys) });
    const written = keys.map((key) => rows.find((row) => row.key === key)).find(Boolean);
    return (
      (written?.value as ResourceSet | undefined) ?? {
        country: DEFAULT_CRISIS_COUNTRY,
        resources: language === 'es' ? DEFAULT_CRISIS_RESOURCES_ES : DEFAULT_CRISIS_RESOURCES,
      }
    );
  }

  async setInstance(set: ResourceSet, language: Language = 'en'): Promise<ResourceSet> {
    await this.dataSource.manager.upsert(
      InstanceSetting,
      { key: instanceKey(language), value: set, updatedAt: this.clock.now() },
      ['key'],
    );
    return set;
  }
}
