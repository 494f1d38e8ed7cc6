import type { BlockedTermEntryDto, GroupDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Field, NoFacilitatorWarning, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { CreateAccount } from './create-account';
import { CrisisResourcesForm } from './crisis-resources-form';
import { LicensedWording } from './licensed-wording';
import { People } from './people';

/** Instance administration: people and roles, safety settings, every group. Loaded only when opened. */
export default function AdminPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [accounts, setAccounts] = useState(0);
  if (user?.role !== 'admin') return <Alert tone="error">{t('admin.onlyAdmins')}</Alert>;
  return (
    <div className="page wide admin-page">
      <h1>{t('admin.title')}</h1>
      <People version={accounts} />
      <CreateAccount onCreated={() => setAccounts((n) => n + 1)} />
      <CrisisResourcesForm />
      <LicensedWording />
      <BlockedTerms />
      <AllGroups />
    </div>
  );
}

function termAction(t: TFunction, action: BlockedTermEntryDto['action']): string {
  if (action === 'block') return t('admin.terms.block');
  if (action === 'flag') return t('admin.terms.flag');
  return t('admin.terms.hold');
}

function BlockedTerms() {
  const { t } = useTranslation();
  const terms = useLoad(() => http.get<BlockedTermEntryDto[]>('/admin/blocked-terms'), []);
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<BlockedTermEntryDto['action']>('hold');
  const action = useAction();
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('admin.terms.title')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post('/admin/blocked-terms', { term, action: kind });
            setTerm('');
            await terms.reload();
          }, e)
        }
      >
        <Field
          label={t('admin.terms.term')}
          required
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
        <div className="field">
          <label htmlFor="term-action">{t('admin.terms.then')}</label>
          <select
            id="term-action"
            value={kind}
            onChange={(e) => setKind(e.target.value as BlockedTermEntryDto['action'])}
          >
            {(['block', 'hold', 'flag'] as const).map((value) => (
              <option key={value} value={value}>
                {termAction(t, value)}
              </option>
            ))}
          </select>
        </div>
        <button className="button">{t('admin.terms.add')}</button>
      </form>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <ul className="terms">
        {terms.data?.map((entry) => (
          <li key={entry.id}>
            {t('admin.terms.entry', { term: entry.term, action: termAction(t, entry.action) })}{' '}
            <button
              type="button"
              className="button-quiet"
              aria-label={t('admin.terms.removeTerm', { term: entry.term })}
              onClick={() =>
                action.run(async () => {
                  await http.delete(`/admin/blocked-terms/${entry.id}`);
                  await terms.reload();
                })
              }
            >
              {t('admin.terms.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AllGroups() {
  const { t } = useTranslation();
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=all'), []);
  return (
    <section className="card" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('admin.groups.title')}</h2>
      <ul>
        {groups.data?.map((g) => (
          <li key={g.id}>
            <Link to={`/groups/${g.id}/console`}>{g.name}</Link> ·{' '}
            {g.kind === 'cohort' ? t('admin.groups.cohort') : t('admin.groups.circle')} ·{' '}
            {g.status === 'archived' ? t('admin.groups.archived') : t('admin.groups.active')} ·{' '}
            {t('admin.groups.seats', { count: g.capacity - g.seatsLeft, capacity: g.capacity })}
            {g.activeFacilitators === 0 && g.status === 'active' && <NoFacilitatorWarning />}
          </li>
        ))}
      </ul>
    </section>
  );
}
