export default {
  zh: {
    title: '干部档案',
    edit: '编辑基本信息',
    backToList: '返回名册',
    notFound: '没有找到干部 {{id}}',
  },
  en: {
    title: 'Case file',
    edit: 'Edit details',
    backToList: 'Back to the list',
    notFound: 'No cadre {{id}}',
  },
};
