import type { PageProps } from '../../app/routes';
export default function ImportPage(_: PageProps) {
  return null;
}
