// Texts of the meeting statistics page (会议统计, DOMAIN.md §4.4). The statistics' own labels and
// bases come bilingual from the core.
export default {
  zh: {
    title: '会议统计',
    subtitle: '干部能上能下情况，供考核评议会议使用',
    from: '起始月份',
    to: '截止月份',
    col: {
      label: '统计项',
      count: '数量',
      counts: '计数方式',
      cadres: '涉及干部',
      basis: '统计依据',
    },
    counts: {
      cadres: '人数',
      records: '人次/件数',
    },
    cadres: {
      title: '涉及干部（{{n}} 人）',
      name: '姓名',
      position: '职务',
      none: '没有涉及的干部',
      missing: '{{id}}（不在名册中）',
    },
    invalidPeriod: '统计期间无效：起始月份不能晚于截止月份，期间跨度不能超过 10 年。',
    export: '导出 CSV',
    exported: '已导出 {{name}}',
    fileName: '会议统计-{{from}}至{{to}}.csv',
  },
  en: {
    title: 'Meeting statistics',
    subtitle: 'Cadres up and down, for the evaluation meeting',
    from: 'From',
    to: 'To',
    col: {
      label: 'Statistic',
      count: 'Count',
      counts: 'Counts',
      cadres: 'Cadres',
      basis: 'Basis',
    },
    counts: {
      cadres: 'Cadres',
      records: 'Cases / occasions',
    },
    cadres: {
      title: 'Cadres behind this count ({{n}})',
      name: 'Name',
      position: 'Position',
      none: 'No cadres',
      missing: '{{id}} (not in the register)',
    },
    invalidPeriod: 'Invalid period: the first month must not be after the last, and the period must not span more than 10 years.',
    export: 'Export CSV',
    exported: 'Exported {{name}}',
    fileName: 'meeting-statistics-{{from}}-to-{{to}}.csv',
  },
};
