export default { zh: { title: '导入数据' }, en: { title: 'Import' } };
