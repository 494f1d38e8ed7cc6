import type { Mail } from '@hearth/core';

import { linkMail } from '../account-tokens/link-mail.js';

export const passwordResetMail = (to: string, url: string): Mail =>
  linkMail(
    to,
    'Choose a new Hearth password',
    [
      'Hello,',
      'Someone asked to choose a new password for the Hearth account that uses this address.',
      'The link below works once, for 30 minutes. Using it signs out every device that is signed in.',
    ],
    'Choose a new password',
    url,
  );
