import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { SecondFactorSummaryView } from './dto/two-factor.view.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';

/** Which second factors I use (never their secrets), and how many recovery codes I have left. */
@Injectable()
export class TwoFactorPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'secondFactors';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const factors = await this.dataSource.manager.find(SecondFactor, {
      where: { userId, confirmedAt: Not(IsNull()) },
      order: { createdAt: 'ASC' },
    });
    return {
      factors: factors.map(SecondFactorSummaryView.of),
      recoveryCodesLeft: await this.dataSource.manager.countBy(RecoveryCode, { userId, usedAt: IsNull() }),
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(SecondFactor, { userId });
    await manager.delete(RecoveryCode, { userId });
  }
}
