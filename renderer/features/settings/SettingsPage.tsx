import type { PageProps } from '../../app/routes';
export default function SettingsPage(_: PageProps) {
  return null;
}
