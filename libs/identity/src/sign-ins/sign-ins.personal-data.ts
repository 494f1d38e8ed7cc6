import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock, PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { Session } from '../sessions/session.entity.js';
import { signInView } from './sign-ins.service.js';

/** My sign-in history, with the user agent as my browser sent it. It goes with the account on erasure. */
@Injectable()
export class SignInsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'signIns';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const rows = await this.dataSource.manager.find(Session, {
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const now = this.clock.now();
    return rows.map((s) => {
      const { current: _current, ...view } = signInView(s, now, null);
      return { ...view, userAgent: s.userAgent };
    });
  }

  /** Sessions are deleted with the account itself. */
  async erase(): Promise<void> {}
}
