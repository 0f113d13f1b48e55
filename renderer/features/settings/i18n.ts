export default { zh: { title: '设置' }, en: { title: 'Settings' } };
