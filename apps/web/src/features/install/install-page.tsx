import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { install, useInstallOffer } from '../../pwa/install-prompt';
import { isAppleMobile, isInstalled } from '../../pwa/push';
import { Alert } from '../../ui/components';

/**
 * How to put Hearth on the home screen: on iPhone and iPad (where notifications need it) and on Android, with the
 * browser's own Install button where it offers one.
 */
export function InstallPage() {
  const { t } = useTranslation();
  const offered = useInstallOffer();
  const [installed, setInstalled] = useState(isInstalled);
  const apple = isAppleMobile();
  const iphone = (
    <section className="card" aria-labelledby="install-iphone">
      <h2 id="install-iphone">{t('install.iphone.title')}</h2>
      <ol>
        <li>{t('install.iphone.open')}</li>
        <li>{t('install.iphone.share')}</li>
        <li>{t('install.iphone.add')}</li>
        <li>{t('install.iphone.icon')}</li>
      </ol>
      <p className="muted">{t('install.iphone.note')}</p>
    </section>
  );
  const android = (
    <section className="card" aria-labelledby="install-android">
      <h2 id="install-android">{t('install.android.title')}</h2>
      <ol>
        <li>{t('install.android.open')}</li>
        <li>{t('install.android.menu')}</li>
        <li>{t('install.android.add')}</li>
      </ol>
      <p className="muted">{t('install.android.note')}</p>
    </section>
  );
  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/account">
          {t('install.back')}
        </Link>
      </p>
      <h1>{t('install.title')}</h1>
      <p>{t('install.intro')}</p>
      {installed ? (
        <Alert tone="success">{t('install.installed')}</Alert>
      ) : (
        offered && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void install().then((accepted) => setInstalled(accepted))}
            >
              {t('install.install')}
            </button>
          </p>
        )
      )}
      {apple ? iphone : android}
      {apple ? android : iphone}
      <section className="card" aria-labelledby="install-computer">
        <h2 id="install-computer">{t('install.computer.title')}</h2>
        <p>{t('install.computer.body')}</p>
      </section>
    </div>
  );
}
