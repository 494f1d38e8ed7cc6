import { useTranslation } from 'react-i18next';

import { Field } from '../../ui/components';

/** A password being chosen (sign-up, a reset link), with the rule the server checks. */
export function NewPasswordField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      type="password"
      autoComplete="new-password"
      hint={t('auth.newPassword.hint')}
      required
      minLength={12}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
