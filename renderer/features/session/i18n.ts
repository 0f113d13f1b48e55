export default {
  zh: {
    welcome: {
      title: '欢迎使用干部能上能下台账',
      intro: '台账还是空的。请选择开始的方式：',
      empty: '从空白开始',
      emptyHint: '先建立单位，再逐个录入干部。',
      import: '从Excel导入',
      importHint: '按模板导入单位、干部、月度得分等数据（.xlsx 或 .csv）。',
      demo: '打开演示乡镇',
      demoHint: '在独立的数据目录中打开一个虚构乡镇的示例数据，随时可以返回正式台账。',
      demoUnavailable: '此版本暂不提供演示数据。',
    },
    unlock: {
      title: '台账已加密',
      hint: '请输入口令解锁本台账。',
      passphrase: '口令',
      required: '请输入口令',
      submit: '解锁',
    },
    demo: {
      leave: '返回正式台账',
      left: '已返回正式台账',
    },
  },
  en: {
    welcome: {
      title: 'Welcome to Cadre Ledger',
      intro: 'The ledger is empty. How would you like to start?',
      empty: 'Start empty',
      emptyHint: 'Create the units first, then enter cadres one by one.',
      import: 'Import from Excel',
      importHint: 'Import units, cadres, monthly scores and more from the templates (.xlsx or .csv).',
      demo: 'Open the demo township',
      demoHint: 'Opens sample data of a fictional township in its own data directory; you can return to your ledger at any time.',
      demoUnavailable: 'Demo data is not available in this version.',
    },
    unlock: {
      title: 'The ledger is encrypted',
      hint: 'Enter the passphrase to unlock this ledger.',
      passphrase: 'Passphrase',
      required: 'Please enter the passphrase',
      submit: 'Unlock',
    },
    demo: {
      leave: 'Back to my ledger',
      left: 'Back in your own ledger',
    },
  },
};
