/** Domain events of the moderation library: they tell every node to refresh what it keeps for the hot path. */
export const ModerationEvents = {
  settingsChanged: 'moderation.settings_changed',
  muteChanged: 'moderation.mute_changed',
  termsChanged: 'moderation.terms_changed',
} as const;

export class RoomSettingsChangedEvent {
  constructor(readonly groupId: string) {}
}

export class MuteChangedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
  ) {}
}

/** `groupId` null: the platform-wide list changed. */
export class BlockedTermsChangedEvent {
  constructor(readonly groupId: string | null) {}
}
