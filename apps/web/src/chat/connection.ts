import {
  CHAT_NAMESPACE,
  type ClientToServerEvents,
  type SafetyAlertEvent,
  type SafetyResourcesEvent,
  type ServerToClientEvents,
} from '@hearth/contracts';
import { io, type Socket } from 'socket.io-client';

import type { Http } from '../api/http';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** `unreachable`: the device has a network, but Hearth's server does not answer (down, or restarting). */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unreachable';

type Listener = () => void;

/**
 * The one socket of a signed-in tab. It authenticates with the current access token at every (re)connection,
 * renews the token on the open socket when the session rotates, and goes offline and online with the device.
 * Rooms subscribe to `status` and rejoin on every `online`.
 */
export class ChatConnection {
  readonly socket: ChatSocket;
  status: ConnectionStatus = 'connecting';
  /** The last crisis resources sent to me, for the help panel. */
  resources: SafetyResourcesEvent | null = null;
  /** Crisis alerts for the groups I facilitate, newest first. */
  alerts: SafetyAlertEvent[] = [];
  /** Bumped each time the server says my role changed (my account's, or in one of my groups). */
  roleVersion = 0;
  /** Bumped each time a check-in is opened with me, or asked for in a group I facilitate. */
  checkInVersion = 0;
  /** Bumped each time the server recorded that I read a group up to a message (my unread counts went down). */
  readVersion = 0;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;
  private readonly listeners = new Set<Listener>();
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly http: Http) {
    this.socket = io(CHAT_NAMESPACE, {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      auth: (cb) => {
        void http.accessToken().then((token) => cb({ token }));
      },
    });
    this.socket.on('connect', () => {
      this.setStatus('online');
      void this.refreshAlerts();
    });
    this.socket.on('disconnect', () => this.setStatus(navigator.onLine ? 'connecting' : 'offline'));
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // A refusal carries the server's code: it answered. No code and a network: the server did not.
      const answered = error.data?.code !== undefined;
      this.setStatus(navigator.onLine ? (answered ? 'connecting' : 'unreachable') : 'offline');
      // A refused handshake is not retried by socket.io itself.
      if (error.data?.code === 'UNAUTHORIZED') {
        void http.refresh().then((ok) => ok && this.socket.connect());
      } else if (!this.socket.active) {
        setTimeout(() => this.socket.connect(), 3000);
      }
    });
    this.socket.on('notice', (notice) => {
      if (notice.kind === 'auth.expired') void this.renew();
      if (notice.kind === 'session.ended') this.http.onExpired();
      if (notice.kind === 'session.disowned') this.http.onDisowned();
      // Closed for sending too much (a bug, or a tab left looping): come back after a pause, not at once.
      if (notice.kind === 'connection.closed') setTimeout(() => this.socket.connect(), 60_000);
      if (notice.kind === 'role.changed') {
        this.roleVersion++;
        this.emitChange();
        // Alerts of groups I no longer facilitate go from the screen: the server's list says which remain.
        void this.refreshAlerts();
      }
      if (notice.kind === 'checkIn.opened') {
        this.checkInVersion++;
        this.emitChange();
      }
    });
    this.socket.on('safety:resources', (event) => {
      this.resources = event;
      this.emitChange();
    });
    this.socket.on('safety:reached', (event) => {
      if (this.resources?.groupId !== event.groupId) return;
      this.resources = { ...this.resources, told: true, toldMessage: event.message };
      this.emitChange();
    });
    this.socket.on('safety:alert', (event) => {
      this.alerts = [event, ...this.alerts.filter((a) => a.incidentId !== event.incidentId)];
      this.emitChange();
    });
    const offline = () => {
      this.setStatus('offline');
      this.socket.disconnect();
    };
    const online = () => {
      if (!this.socket.connected) this.socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => window.removeEventListener('offline', offline));
    this.cleanups.push(() => window.removeEventListener('online', online));
    this.cleanups.push(
      http.tokens.onChange((token) => {
        if (!token) return;
        if (this.socket.connected) this.socket.emit('auth:refresh', { token }, () => undefined);
        // Signed in again after the server ended the session (and closed this socket): connect anew.
        else if (navigator.onLine) this.socket.connect();
      }),
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The person closed the resources panel; it stays reachable from the help button. */
  clearResources(): void {
    this.resources = null;
    this.emitChange();
  }

  /**
   * Incidents still waiting for me (a facilitator's groups; an admin's escalated ones), read at every connection:
   * an alert that came while this screen was closed greets me here, once per incident, until acknowledged.
   */
  async refreshAlerts(): Promise<void> {
    try {
      const waiting = await this.http.get<SafetyAlertEvent[]>('/me/moderation/open-incidents');
      // The server's list is the truth: an alert acknowledged meanwhile (by anyone) is no longer shown.
      this.alerts = [...waiting].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
      this.emitChange();
    } catch {
      // Offline or signed out: the next connection asks again.
    }
  }

  /** A room told the server how far I have read. */
  noteRead(): void {
    this.readVersion++;
    this.emitChange();
  }

  dismissAlert(incidentId: string): void {
    if (!this.alerts.some((a) => a.incidentId === incidentId)) return;
    this.alerts = this.alerts.filter((a) => a.incidentId !== incidentId);
    this.emitChange();
  }

  close(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.socket.disconnect();
    this.listeners.clear();
  }

  private async renew(): Promise<void> {
    const token = await this.http.accessToken();
    if (token) this.socket.emit('auth:refresh', { token }, () => undefined);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emitChange();
  }

  private emitChange(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
