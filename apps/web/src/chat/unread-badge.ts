import type { GroupDto } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';

import { http } from '../api/http';
import { useConnectionState } from './chat-context';

const TITLE = 'Hearth';
/** How often the counts are read again while nothing else says they changed (no socket tells of other rooms). */
const EVERY_MS = 15_000;

interface BadgingNavigator {
  setAppBadge?: (count?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
}

/** The app icon's badge, where the browser has one (installed apps in Chromium and Safari). */
function showOnAppIcon(unread: number): void {
  const badging = navigator as Navigator & BadgingNavigator;
  const shown = unread > 0 ? badging.setAppBadge?.(unread) : badging.clearAppBadge?.();
  // A browser may refuse (not installed, permission): the title still says it.
  shown?.catch(() => undefined);
}

/**
 * How many messages wait for me across my groups, in the tab's title ("(3) Hearth") and on the app's icon. The
 * counts are the server's (what each group card shows), read again on a timer, when the tab comes back, when I
 * move between screens, and when a room records that I read it.
 */
export function useUnreadBadge(): number | null {
  const connection = useConnectionState();
  const { pathname } = useLocation();
  // Null until the first count arrives: the title and the icon are not touched before the server says.
  const [unread, setUnread] = useState<number | null>(null);
  const online = connection?.status === 'online';
  // A read only matters when something was unread: reading along in a busy room costs no request.
  const readVersion = unread ? (connection?.readVersion ?? 0) : 0;

  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const groups = await http.get<GroupDto[]>('/groups?scope=mine');
        if (!stopped) setUnread(groups.reduce((sum, group) => sum + (group.unread ?? 0), 0));
      } catch {
        // Offline or signed out: the last count stays until the next read.
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    void refresh();
    const timer = setInterval(() => void refresh(), EVERY_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [pathname, online, readVersion]);

  useEffect(() => {
    if (unread === null) return;
    document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
    showOnAppIcon(unread);
  }, [unread]);

  useEffect(
    () => () => {
      document.title = TITLE;
      showOnAppIcon(0);
    },
    [],
  );

  return unread;
}
