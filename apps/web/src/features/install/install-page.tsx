import { useState } from 'react';
import { Link } from 'react-router-dom';

import { install, useInstallOffer } from '../../pwa/install-prompt';
import { isAppleMobile, isInstalled } from '../../pwa/push';
import { Alert } from '../../ui/components';

/**
 * How to put Hearth on the home screen: on iPhone and iPad (where notifications need it) and on Android, with the
 * browser's own Install button where it offers one.
 */
export function InstallPage() {
  const offered = useInstallOffer();
  const [installed, setInstalled] = useState(isInstalled);
  const apple = isAppleMobile();
  const iphone = (
    <section className="card" aria-labelledby="install-iphone">
      <h2 id="install-iphone">iPhone and iPad</h2>
      <ol>
        <li>Open Hearth in Safari.</li>
        <li>
          Tap the Share button (a square with an arrow pointing up), at the bottom of the screen on iPhone or
          at the top on iPad.
        </li>
        <li>Scroll down and tap “Add to Home Screen”, then “Add”.</li>
        <li>Open Hearth from its new icon on your home screen.</li>
      </ol>
      <p className="muted">
        Notifications on iPhone and iPad work only for Hearth opened from the home screen, on iOS 16.4 or
        later. Once it is there, turn them on in Account.
      </p>
    </section>
  );
  const android = (
    <section className="card" aria-labelledby="install-android">
      <h2 id="install-android">Android</h2>
      <ol>
        <li>Open Hearth in Chrome.</li>
        <li>Tap the menu (three dots, top right).</li>
        <li>Tap “Install app” or “Add to Home screen”, then confirm.</li>
      </ol>
      <p className="muted">
        Other browsers, such as Samsung Internet or Firefox, have the same choice in their menu.
      </p>
    </section>
  );
  return (
    <div className="page narrow">
      <p>
        <Link to="/account">← Back to your account</Link>
      </p>
      <h1>Add Hearth to your home screen</h1>
      <p>
        Hearth can sit on your home screen like any app: it opens in its own window, and notifications can
        reach you when it is closed. Nothing is downloaded from an app store.
      </p>
      {installed ? (
        <Alert tone="success">Hearth is installed on this device.</Alert>
      ) : (
        offered && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void install().then((accepted) => setInstalled(accepted))}
            >
              Install Hearth
            </button>
          </p>
        )
      )}
      {apple ? iphone : android}
      {apple ? android : iphone}
      <section className="card" aria-labelledby="install-computer">
        <h2 id="install-computer">Computer</h2>
        <p>
          In Chrome or Edge, use the install icon at the right of the address bar, or the menu’s “Install
          Hearth”. Hearth also works in any browser tab.
        </p>
      </section>
    </div>
  );
}
