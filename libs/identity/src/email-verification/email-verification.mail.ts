import type { Mail } from '@hearth/core';

import { linkMail } from '../account-tokens/link-mail.js';

export const emailVerificationMail = (to: string, url: string): Mail =>
  linkMail(
    to,
    'Confirm your email address for Hearth',
    [
      'Hello,',
      'Please confirm that this is your address, so that Hearth can reach you here when it matters.',
      'The link below works once, for 24 hours.',
    ],
    'Confirm my address',
    url,
  );
