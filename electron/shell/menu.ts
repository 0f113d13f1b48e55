// The application menu, in the system's language (zh for a Chinese Windows/Linux, else en).
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLang = 'zh' | 'en';

export interface MenuActions {
  showAbout(): void;
  openDataFolder(): void;
  /** Developer tools only in an unpackaged checkout. */
  devTools: boolean;
}

const words = {
  file: { zh: '文件', en: 'File' },
  openData: { zh: '打开数据目录', en: 'Open Data Folder' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select All' },
  view: { zh: '视图', en: 'View' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer Tools' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  fullScreen: { zh: '全屏', en: 'Full Screen' },
  help: { zh: '帮助', en: 'Help' },
  about: { zh: '关于干部能上能下台账', en: 'About Cadre Ledger' },
} as const;

export function menuLangFor(locale: string): MenuLang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function menuTemplate(lang: MenuLang, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = (k: keyof typeof words) => words[k][lang];
  return [
    {
      label: t('file'),
      submenu: [{ label: t('openData'), click: () => actions.openDataFolder() }, { type: 'separator' }, { label: t('quit'), role: 'quit' }],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { label: t('reload'), role: 'reload' },
        ...(actions.devTools ? [{ label: t('devTools'), role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { label: t('resetZoom'), role: 'resetZoom' },
        { label: t('zoomIn'), role: 'zoomIn' },
        { label: t('zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('fullScreen'), role: 'togglefullscreen' },
      ],
    },
    { label: t('help'), submenu: [{ label: t('about'), click: () => actions.showAbout() }] },
  ];
}
