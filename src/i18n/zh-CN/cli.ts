/** Simplified Chinese for en/cli.ts: typed against it, so a missing or extra key is a type error. */
import type { CliMessages } from "../en/cli";

export const cli: CliMessages = {
  cli: {
    usage: `用法：
  tier rfm 文件.csv [--customer 列] [--date 列] [--amount 列] [--as-of YYYY-MM-DD]
                    [--bins N] [--frequency orders|days] [--monetary total|average]
                    [--segments rfm|cn8|规则.csv] [--summary] [--format csv|json] [--day-order mdy|dmy]
                    [--r-breaks 30,90,180,365] [--f-breaks 1,2,5,10] [--m-breaks 100,250,500,1000]
  tier abc 文件.csv --value 列 [--a-cut 0.8] [--b-cut 0.95] [--basis value|count]
                    [--method fixed|computed（由 ABC 曲线计算界限，不使用界限值和 basis）]
                    [--next] [--no-header（各列编号为 1、2、…）] [--id 列] [--summary] [--format csv|json]
  tier clv 文件.csv [--avg-purchase 列] [--frequency 列] [--lifespan 列] [--margin 列|数值]
                    [--discount-rate 利率] [--id 列] [--format csv|json]
  tier clv --avg-purchase N --frequency N --lifespan N --margin N [--discount-rate 利率]
  tier fit 文件.csv [--unit day|week|month] [--calibration-end YYYY-MM-DD] [--model bgnbd|pareto]
                    [--customer 列] [--date 列] [--amount 列] [--day-order mdy|dmy]
  tier predict 文件.csv [--unit day|week|month] [--calibration-end YYYY-MM-DD] [--model bgnbd|pareto]
                    [--horizon N（以该单位计）] [--clv-months 12] [--monthly-discount 0.01]
                    [--format csv|json] [--customer 列] [--date 列] [--amount 列] [--day-order mdy|dmy]
                    [--within N（增加 p_purchase_within 列）] [--margin 毛利率 | --margin-column 列（增加 clv_margin 列）]
      文件.csv：交易记录，或含 x、t_x、T（及 zbar）列的客户汇总
  tier check 文件.csv --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD] [--unit day|week|month]
                    [--model bgnbd|pareto] [--format csv|json] [--customer 列] [--date 列] [--amount 列]
  tier score 文件.csv --metrics 列1,列2 --weights 0.5,0.5 [--directions higher,lower]
                    [--bands 0.05,0.15,0.3,0.3 | --thresholds 90,75,50,25] [--method percentile|minmax]
                    [--id 列] [--summary] [--format csv|json]
  tier migrate 较早.csv 较晚.csv --id 列 --tier 列 [--measure 列] [--order A,B,C] [--json]
                    [--revenue 列 --orders 列 --last 列 [--as-of YYYY-MM-DD]]
      --order：按从好到差列出所有层级；--as-of：较早快照的分析日期（此日期之后购买即为复购）
  tier pilot 文件.csv --id 列 --tier 列 --share 0.1 [--control-share 0.1] [--seed 1]
                    [--only-tier 层级] [--format csv|json]
  tier bench [文件.csv] [--rows N] [--repeat N]

列名默认为 customer_id、date 和 amount。提示语言随 LANG 而定（zh_CN 为中文）。`,
    unitRequired: (file: string) => `${file} 是客户汇总（x、t_x、T）：请用 --unit day、week 或 month 说明其 t_x 和 T 的时间单位。`,
    unitAssumed: "时间以周计（--unit week）；如需其他单位，请给出 --unit day 或 --unit month。",
    summaryTakesNoEnd: (file: string) => `${file} 是客户汇总（x、t_x、T）：其校准期已经确定，--calibration-end 不适用。`,
    missingSecondFile: "请给出两个 CSV 文件：先是较早的快照，再是较晚的快照。",
    effectsOptions: "请同时给出 --revenue、--orders 和 --last：各层级的效果需要这三列。",
    orderNeeded:
      "层级的先后不明（既不是 A/B/C、分数段，也不是数字），因此升级和降级为 null；请用 --order 按从好到差列出层级（如 --order VIP,普通,基础），以得到升级率和降级率。",
    unknownTier: (name, found) => `没有任何行的层级为“${name}”；现有层级为：${found}。`,
    unknownCommand: (name) => `未知命令“${name}”。`,
    unknownOption: (name) => `未知选项“${name}”。`,
    missingValue: (name) => `选项 ${name} 需要一个值。`,
    missingFile: "请给出要读取的 CSV 文件。",
    unreadable: (file, reason) => `无法读取 ${file}：${reason}`,
    emptyFile: (file) => `${file} 是空文件；需要一行标题和若干数据行。`,
    missingColumn: (name, file, found) => `${file} 中没有列“${name}”；现有的列为：${found}。`,
    badNumberOption: (name, value) => `选项 ${name} 为“${value}”；请给出数字。`,
    badChoice: (name, value, allowed) => `选项 ${name} 为“${value}”；请使用以下之一：${allowed}。`,
    skippedRows: (count, total) => `在 ${total} 行中略去了 ${count} 行：`,
    nonPositiveRows: (count, total) => `${total} 个数值中有 ${count} 个为零或负数（归为 C 类）：`,
    line: (line) => `第 ${line} 行`,
    csvRow: (row, column, what) => `  第 ${row} 行，列 ${column}：${what}`,
    bandsOrThresholds: "请给出 --bands（客户比例）或 --thresholds（最低分），不要同时给出。",
    requiredOption: (name) => `必须给出 ${name}。`,
    repeatedOption: (name) => `${name} 给出了两次；请只给一次。`,
    extraFile: (command, file, most) =>
      most === 0
        ? `tier ${command} 不读取文件，但给出了“${file}”；请参阅 tier ${command} --help。`
        : `tier ${command} 只读取 ${most} 个文件；“${file}”是多余的（是否漏了选项名前的 --？）。`,
    notText: (file) => `${file} 不是文本文件（含有 NUL 字节：二进制、稀疏或已损坏的文件）；请给出 CSV 或文本文件；若为 UTF-16 文本，请给出 --encoding utf-16le。`,
    badUtf8: (file, byte) => `${file} 在第 ${byte} 字节处不是 UTF-8；若由中文 Windows 上的 Excel 保存，请给出 --encoding gb18030（或该文件的编码）。`,
    unclosedQuote: (file, line) => `${file}：第 ${line} 行开始的引号没有闭合；请补上闭合引号，或将字段内的引号写成两个（""）。`,
    rowTooLong: (file, line, mb) => `${file}：从第 ${line} 行开始的一行超过 ${mb} MB 仍无换行；这是分隔符文本文件吗？`,
    badDelimiter: (value) => `--delimiter 为“${value}”；请使用 comma、semicolon、tab、pipe 或 whitespace（或 , ; |）。`,
    badEncoding: (value) => `--encoding 为“${value}”；请给出编码，如 utf-8、utf-16le、gb18030 或 windows-1252。`,
    detected: (file, encoding, delimiter) => `tier：按 ${encoding} 读取 ${file}，${delimiter}（自动检测；可用 --encoding 或 --delimiter 更改）。`,
    delimiterNames: {
      comma: "字段以逗号分隔",
      semicolon: "字段以分号分隔",
      tab: "字段以制表符分隔",
      bar: "字段以 | 分隔",
      whitespace: "字段以空格分隔",
    },
    duplicateHeader: (file, name, first, second) => `${file} 中列“${name}”出现了两次（第 ${first} 列和第 ${second} 列）；请重命名其中一列，使每个列名只对应一列。`,
    badDateOption: (name, value) => `${name} 为“${value}”；请给出日期，如 2024-01-05。`,
    badDateText: (value) => `“${value}”不是日期（请使用 2024-01-05、2024/1/5 或 2024年1月5日）`,
    outputFailed: (reason) => `无法写出结果：${reason}。`,
    internalError: (what) => `内部错误使命令中止（${what}）；请连同所运行的命令一起报告。`,
    core: {
      binsOutOfRange: (value) => `--bins 为 ${value}；请使用 2 到 10 之间的整数。`,
      cutOutOfRange: (option, value) => `${option} 为 ${value}；请使用 0 到 1 之间的比例（80% 即 0.8）。`,
      cutsOrder: (aCut, bCut) => `--a-cut（${aCut}）必须小于 --b-cut（${bCut}）。`,
      asOfBeforeData: (option, asOf, first) => `${option}（${asOf}）早于第一次购买（${first}），此时还没有客户购买。请给出 ${first} 或更晚的日期。`,
      noData: (file) => `${file} 中没有可用的行；请检查列选项（--customer、--date、--amount 等）及上面列出的行。`,
      unknownScheme: (value) => `--segments 为“${value}”；请使用 rfm、cn8 或规则 CSV 文件（name,r_min,r_max,f_min,f_max,m_min,m_max）。`,
    },
  },
};
