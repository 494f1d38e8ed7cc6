/** The person sending, as their socket knows them: no database read is needed on the hot path. */
export interface Speaker {
  userId: string;
  groupId: string;
  membershipId: string;
  pseudonym: string | null;
  role: 'facilitator' | 'member';
  /** When the membership became active; premoderation holds newcomers' messages. */
  joinedAt: Date | null;
}
