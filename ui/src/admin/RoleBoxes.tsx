import { useTranslation } from 'react-i18next';
import { ROLES } from './api';

/** A group of role checkboxes. */
export function RoleBoxes({ value, onChange, legend, disabled }: { value: string[]; onChange: (roles: string[]) => void; legend: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="role-boxes">
      <legend className="visually-hidden">{legend}</legend>
      <span aria-hidden="true" className="muted">{t('admin.common.roles')}:</span>
      {ROLES.map((role) => (
        <label key={role}>
          <input type="checkbox" disabled={disabled} checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))} />
          {role}
        </label>
      ))}
    </fieldset>
  );
}
