<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountForm</name>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Repeat password:</translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <source>账户与操作记录</source>
        <translation>Accounts and audit trail</translation>
    </message>
    <message>
        <source>账户管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <source>操作记录…</source>
        <translation>Audit trail…</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>新建账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>改为此角色</source>
        <translation>Set role</translation>
    </message>
    <message>
        <source>单人模式（启动时不需登录）</source>
        <translation>Single-user mode (no log-in at start)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不锁定</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>登录与锁定</source>
        <translation>Log-in and lock</translation>
    </message>
    <message>
        <source>无操作后锁定窗口：</source>
        <translation>Lock when idle for:</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>请先选择一个账户。</source>
        <translation>Select an account first.</translation>
    </message>
    <message>
        <source>已建立账户 %1。</source>
        <translation>Created account %1.</translation>
    </message>
    <message>
        <source>已更改账户 %1 的状态。</source>
        <translation>Changed the state of account %1.</translation>
    </message>
    <message>
        <source>已重置 %1 的密码，锁定已解除。</source>
        <translation>Reset the password of %1; the account is unlocked.</translation>
    </message>
    <message>
        <source>已更改账户 %1 的角色。</source>
        <translation>Changed the role of account %1.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>AssessmentCharts</name>
    <message>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>产业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>%1以下</source>
        <translation>below %1</translation>
    </message>
    <message>
        <source>%1及以上</source>
        <translation>%1 and above</translation>
    </message>
    <message>
        <source>考核得分分布</source>
        <translation>Distribution of scores</translation>
    </message>
    <message>
        <source>单位数</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>得分段（分）</source>
        <translation>Score band (points)</translation>
    </message>
    <message>
        <source>单位数（个）</source>
        <translation>Number of units</translation>
    </message>
    <message>
        <source>各单位考核得分排名</source>
        <translation>Ranking of units</translation>
    </message>
    <message>
        <source>考核得分前 %1 名与后 %2 名</source>
        <translation>Top %1 and bottom %2 units</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>总分（分）</source>
        <translation>Total (points)</translation>
    </message>
    <message>
        <source>历年考核得分走势</source>
        <translation>Scores across years</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>得分（分）</source>
        <translation>Score (points)</translation>
    </message>
    <message>
        <source>各季度联席会议召开率</source>
        <translation>Joint-meeting convening rate by quarter</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>召开率（%）</source>
        <translation>Convening rate (%)</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>计算考核得分</source>
        <translation>Compute scores</translation>
    </message>
    <message>
        <source>保存为本单位结果</source>
        <translation>Save as this office&apos;s results</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打印考核结果通报</source>
        <translation>Print assessment circular</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>较上年</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>指标与明细</source>
        <translation>Indicator and details</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>正在计算考核得分…</source>
        <translation>Computing the scores…</translation>
    </message>
    <message>
        <source>表扬</source>
        <translation>Commend</translation>
    </message>
    <message>
        <source>批评</source>
        <translation>Criticise</translation>
    </message>
    <message>
        <source>%1 年度，%2 个单位，数据截至 %3%4</source>
        <translation>Year %1, %2 units, data as of %3%4</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>%1（%2 分）</source>
        <translation>%1 (%2 points)</translation>
    </message>
    <message>
        <source>双击打开该记录</source>
        <translation>Double-click to open the record</translation>
    </message>
    <message>
        <source>考核结果已保存（暂定，发布后为正式结果）。</source>
        <translation>Results saved (provisional until published).</translation>
    </message>
    <message>
        <source>%1年度考核</source>
        <translation>Assessment %1</translation>
    </message>
    <message>
        <source>%1年度考核.xlsx</source>
        <translation>Assessment %1.xlsx</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>考核结果通报</source>
        <translation>Assessment circular</translation>
    </message>
    <message>
        <source>本单位得分</source>
        <translation>Our score</translation>
    </message>
    <message>
        <source>得分排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>召开率与建制率</source>
        <translation>Rates</translation>
    </message>
    <message>
        <source>考核方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>正在生成图表…</source>
        <translation>Drawing the charts…</translation>
    </message>
    <message>
        <source>县总工会</source>
        <translation>the county federation</translation>
    </message>
    <message>
        <source>%1 %2 年度考核得分 &lt;b&gt;%3&lt;/b&gt; 分 —— &lt;b&gt;暂定（待%4考核结果）&lt;/b&gt;</source>
        <translation>%1, %2 score &lt;b&gt;%3&lt;/b&gt; — &lt;b&gt;provisional (awaiting the result from %4)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>，第 %1 名</source>
        <translation>, rank %1</translation>
    </message>
    <message>
        <source>%1考核结果：&lt;b&gt;%2&lt;/b&gt; 分%3%4（本单位测算 %5 分，相差 %6 分）</source>
        <translation>Result from %1: &lt;b&gt;%2&lt;/b&gt; points%3%4 (our own computation %5, difference %6)</translation>
    </message>
    <message>
        <source>（上级尚未正式发布）</source>
        <translation> (not yet published by the parent office)</translation>
    </message>
    <message>
        <source>得分（暂定）</source>
        <translation>Points (provisional)</translation>
    </message>
    <message>
        <source>上级考核得分</source>
        <translation>Parent office’s points</translation>
    </message>
    <message>
        <source>本单位测算</source>
        <translation>Our computation</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>发布考核结果</source>
        <translation>Publish results</translation>
    </message>
    <message>
        <source>作为正式结果发布，随下次数据交换包发送给下级单位</source>
        <translation>Publish as the official results; they go to the subordinate offices with the next exchange package</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>考核方案未保存</source>
        <translation>Scheme not saved</translation>
    </message>
    <message>
        <source>%1 年度的考核方案有未保存的修改。保存修改吗？</source>
        <translation>The %1 scheme has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 年度考核方案已保存。</source>
        <translation>The %1 scheme is saved.</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>暂定</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <source>尚未保存或发布</source>
        <translation>Not saved or published yet</translation>
    </message>
    <message>
        <source>上级结果 %1 分</source>
        <translation>Parent office: %1 points</translation>
    </message>
    <message>
        <source>本单位不能覆盖其他单位下发的结果</source>
        <translation>Results sent by another office cannot be overwritten here</translation>
    </message>
    <message>
        <source>暂定（已保存）</source>
        <translation>Provisional (saved)</translation>
    </message>
    <message>
        <source>已发布 %1 分</source>
        <translation>Published: %1 points</translation>
    </message>
    <message>
        <source>发布后记录有变化，与本次计算不同；重新发布后更新</source>
        <translation>Records changed since publishing, so this computation differs; publish again to update</translation>
    </message>
    <message>
        <source>（已发布）</source>
        <translation> (published)</translation>
    </message>
    <message>
        <source>发布 %1 年度 %2 个单位的考核结果（数据截至 %3）。

发布后，这些结果即为本单位的正式考核结果，并随下次数据交换包发送给下级单位。已发布过的结果将被本次结果替换。</source>
        <translation>About to publish the %1 results of %2 units (data as of %3).

Once published they are this office’s official results and go to the subordinate offices with the next exchange package. Results published before are replaced.</translation>
    </message>
    <message>
        <source>

注意：%1 年度尚未结束，结果按截至今天的记录计算。</source>
        <translation>

Note: %1 is not over yet; the results use the records up to today.</translation>
    </message>
    <message>
        <source>

确定发布吗？</source>
        <translation>

Publish now?</translation>
    </message>
    <message>
        <source>已发布 %1 个单位的 %2 年度考核结果，将随下次数据交换包发送给下级单位。</source>
        <translation>Published the %2 results of %1 units; they go to the subordinate offices with the next exchange package.</translation>
    </message>
    <message>
        <source>另有 %1 个单位的结果由其他单位下发，未覆盖。</source>
        <translation> %1 more units have results sent by another office; those were not overwritten.</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>附件（可把文件拖到这里）：</source>
        <translation>Attachments (you can drop files here):</translation>
    </message>
    <message>
        <source>无法读取文件：%1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>操作记录</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>记录标识（可只输前几位）</source>
        <translation>Record ID (the first characters will do)</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>检查完整性</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>操作人：</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>记录类别：</source>
        <translation>Record kind:</translation>
    </message>
    <message>
        <source>记录：</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>起始日期：</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>共 %1 条。</source>
        <translation>%1 entries.</translation>
    </message>
    <message>
        <source>操作记录完整：共 %1 条，哈希链无误。</source>
        <translation>Audit trail intact: %1 entries, hash chain correct.</translation>
    </message>
    <message>
        <source>操作记录被改动：第 %1 条起哈希链不符（该条或其前一条被修改、删除或调换了顺序）。</source>
        <translation>Audit trail altered: the hash chain breaks at entry %1 (that entry or the one before it was changed, deleted or reordered).</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>记录类别</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>记录标识</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>内容（原值 → 新值）</source>
        <translation>Change (old → new)</translation>
    </message>
    <message>
        <source>操作记录末尾被删除：本机写入的第 %1 条已不在数据库中（哈希链本身无误，但比本机记下的短）。</source>
        <translation>Audit trail cut short: entry %1, written on this computer, is no longer in the database (the hash chain itself is correct, but shorter than this computer recorded).</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>联席备份 (*.db)</source>
        <translation>LianXi backups (*.db)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用备份“%1”替换当前数据？当前数据会先自动备份，恢复后可以再从那份备份找回。</source>
        <translation>Replace the current data with the backup “%1”? The current data is backed up first, so it can be recovered from that backup afterwards.</translation>
    </message>
    <message>
        <source>已从备份“%1”恢复。</source>
        <translation>Restored from the backup “%1”.</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>联席备份 (*.dump)</source>
        <translation>LianXi backups (*.dump)</translation>
    </message>
    <message>
        <source>今天的备份已写好：%1</source>
        <translation>Today&apos;s backup is written: %1</translation>
    </message>
    <message>
        <source>今天没有备份：%1</source>
        <translation>No backup today: %1</translation>
    </message>
</context>
<context>
    <name>BulletinEditor</name>
    <message>
        <source>通报表扬</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <source>通报批评</source>
        <translation>Criticism</translation>
    </message>
    <message>
        <source>督查通报</source>
        <translation>Supervision bulletin</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>印发时自动编号</source>
        <translation>Numbered automatically when issued</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>通报正文</source>
        <translation>Bulletin text</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>表扬与批评</source>
        <translation>Commendations and criticisms</translation>
    </message>
    <message>
        <source>按期间统计，生成正文和建议名单</source>
        <translation>Compile the period&apos;s figures: text and proposed names</translation>
    </message>
    <message>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>%1至%2，各牵头单位议定事项办理情况如下：</source>
        <translation>From %1 to %2, the lead units handled their agreed items as follows:</translation>
    </message>
    <message>
        <source>%1：到期 %2 项，办结 %3 项，按时办结 %4 项，超期未办结 %5 项，平均超期 %6 个工作日。</source>
        <translation>%1: %2 due, %3 completed, %4 completed on time, %5 overdue and not completed, on average %6 working days late.</translation>
    </message>
    <message>
        <source>关于联席会议议定事项落实情况的督查通报</source>
        <translation>Supervision bulletin on the implementation of the joint meeting&apos;s agreed items</translation>
    </message>
    <message>
        <source>%1：%2&#x3000;%3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1（第%2期）</source>
        <translation>%1 (issue %2)</translation>
    </message>
    <message>
        <source>打印通报</source>
        <translation>Print bulletin</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>计算考核得分后显示图表。</source>
        <translation>The charts appear once the scores are computed.</translation>
    </message>
    <message>
        <source>走势图中的单位：</source>
        <translation>Unit in the trend chart:</translation>
    </message>
    <message>
        <source>%1 年度，%2 个单位，数据截至 %3</source>
        <translation>%1, %2 units, data as of %3</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本单位的值</source>
        <translation>Our value</translation>
    </message>
    <message>
        <source>对方发来的值</source>
        <translation>Their value</translation>
    </message>
    <message>
        <source>保留本单位的值</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <source>采用对方的值</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>%1「%2」 %3</source>
        <translation>%1 “%2” %3</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to decide.</translation>
    </message>
    <message>
        <source>该冲突已经处理过，或记录已不存在。</source>
        <translation>This conflict was already decided, or its record no longer exists.</translation>
    </message>
    <message>
        <source>已保留本单位的值。</source>
        <translation>Kept our value.</translation>
    </message>
    <message>
        <source>已采用对方的值。</source>
        <translation>Took their value.</translation>
    </message>
    <message>
        <source>两种情况会列在这里：对方修改了归本单位所有的记录；或对方修改了它自己的记录，而本单位此前也改过这条记录，对方并不知道。请对照两边的值决定：保留本单位的值，或采用对方的值。采用后，对方以后的修改照常导入；保留本单位的值，对方再改时会再次询问。</source>
        <translation>Two cases are listed here: the other office changed a record this office owns; or it changed a record of its own that this office had also changed without its knowing. Compare both values and decide: keep ours, or take theirs. Once you take theirs, their later changes import as usual; if you keep ours, you are asked again the next time they change it.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>已超期事项</source>
        <translation>Overdue items</translation>
    </message>
    <message>
        <source>五个工作日内到期</source>
        <translation>Due within five working days</translation>
    </message>
    <message>
        <source>待审定议题</source>
        <translation>Topics awaiting vetting</translation>
    </message>
    <message>
        <source>待答复职工建议</source>
        <translation>Worker suggestions awaiting a reply</translation>
    </message>
    <message>
        <source>已超期的议定事项（双击打开）</source>
        <translation>Overdue agreed items (double-click to open)</translation>
    </message>
    <message>
        <source>五个工作日内到期的事项</source>
        <translation>Items due within five working days</translation>
    </message>
    <message>
        <source>待审定的议题</source>
        <translation>Topics awaiting vetting</translation>
    </message>
    <message>
        <source>待答复的职工建议</source>
        <translation>Worker suggestions awaiting a reply</translation>
    </message>
    <message>
        <source>（暂按周末推算）</source>
        <translation> (estimated: weekends only)</translation>
    </message>
    <message>
        <source>截止 %1 前到期</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <source>最近一次数据交换：%1</source>
        <translation>Last data exchange: %1</translation>
    </message>
    <message>
        <source>尚未交换</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>第%1期</source>
        <translation>period %1</translation>
    </message>
    <message>
        <source>%1未召开</source>
        <translation>none held in %1</translation>
    </message>
    <message>
        <source>%1&#x3000;每年应开 %2 次，本年已开 %3 次；%4</source>
        <translation>%1 — %2 required a year, %3 held this year; %4</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between sentences</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>逾期事项的下一步督办措施：</source>
        <translation>Next supervision step for overdue items:</translation>
    </message>
    <message>
        <source>%1：%2，超期 %3 个工作日：%4</source>
        <translation>%1: %2, %3 working days overdue: %4</translation>
    </message>
    <message>
        <source>延期待批</source>
        <translation>Extensions pending</translation>
    </message>
    <message>
        <source>未按规定召开会议的建制</source>
        <translation>Pairs behind on meetings</translation>
    </message>
    <message>
        <source>本年度已结束的期次中未按规定召开联席会议的建制：</source>
        <translation>Pairs that missed a meeting in a period already ended this year:</translation>
    </message>
    <message>
        <source>本期（至 %1）尚未召开</source>
        <translation>this period (to %1) not yet held</translation>
    </message>
    <message>
        <source>%1（与%2）</source>
        <translation>%1 (with %2)</translation>
    </message>
    <message>
        <source>限期建制已过期</source>
        <translation>Establishment deadlines passed</translation>
    </message>
    <message>
        <source>限期建制日期已过、仍未建制的（双击打开；建制情况页可筛选“仅看限期已过”）</source>
        <translation>Pairs past their deadline to establish and still not established (double-click to open; the Establishment page can filter by “Past deadline only”)</translation>
    </message>
    <message>
        <source>%1&#x3000;%2（与%3）限期已过，仍未建制</source>
        <translation>%1 — %2 (with %3): past the deadline, not yet established</translation>
    </message>
</context>
<context>
    <name>DatabaseBox</name>
    <message>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>本机数据库文件 %1</source>
        <translation>Database file on this PC %1</translation>
    </message>
    <message>
        <source>服务器数据库 %1</source>
        <translation>Server database %1</translation>
    </message>
    <message>
        <source>连接服务器数据库…</source>
        <translation>Connect to a server database…</translation>
    </message>
    <message>
        <source>改回本机数据库</source>
        <translation>Back to this PC&apos;s database</translation>
    </message>
    <message>
        <source>正在使用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>保存的连接</source>
        <translation>Saved connection</translation>
    </message>
    <message>
        <source>无（使用本机数据库文件）</source>
        <translation>None (the database file on this PC)</translation>
    </message>
    <message>
        <source>已保存。重新启动联席后生效。</source>
        <translation>Saved. Takes effect when LianXi is restarted.</translation>
    </message>
    <message>
        <source>删除保存的服务器连接（连同钥匙串中的密码），以后使用本机数据库文件？</source>
        <translation>Remove the saved server connection (and its password in the keyring) and use the database file on this PC from now on?</translation>
    </message>
    <message>
        <source>已改回本机数据库。重新启动联席后生效。</source>
        <translation>Back to this PC&apos;s database. Takes effect when LianXi is restarted.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>日期无效：月份为 1–12，日为该月实有的日子。</source>
        <translation>Invalid date: the month is 1–12 and the day must exist in that month.</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>共 %1 页</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>第 %1 版 %2</source>
        <translation>Version %1, %2</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>按现在的记录印发更正版（同一文号、新版本），原版本仍可查看</source>
        <translation>Issue a corrected version from the current records (same document no., new version); the original stays viewable</translation>
    </message>
    <message>
        <source>印发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>编号并印发；印发后内容不再随记录变化</source>
        <translation>Number and issue; once issued, the content no longer follows the records</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>更正原因（印在更正版上，原版本保留）：</source>
        <translation>Reason for the correction (printed on the corrected version; the original is kept):</translation>
    </message>
    <message>
        <source>编号并印发这份文件吗？印发后内容固定，只能以更正版修改。</source>
        <translation>Number and issue this document? Once issued, its content is fixed and can change only through a corrected version.</translation>
    </message>
</context>
<context>
    <name>EscalationList</name>
    <message>
        <source>发催办单</source>
        <translation>Send a reminder</translation>
    </message>
    <message>
        <source>发督办通知书</source>
        <translation>Send a supervision notice</translation>
    </message>
    <message>
        <source>下达整改通知书</source>
        <translation>Issue a rectification order</translation>
    </message>
    <message>
        <source>列入通报批评</source>
        <translation>Criticise in the next bulletin</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>a reminder</translation>
    </message>
    <message>
        <source>督办通知</source>
        <translation>a supervision notice</translation>
    </message>
    <message>
        <source>整改通知</source>
        <translation>a rectification order</translation>
    </message>
    <message>
        <source>通报批评</source>
        <translation>criticism</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>超期工作日</source>
        <translation>Working days late</translation>
    </message>
    <message>
        <source>建议下一步</source>
        <translation>Suggested next step</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>搜索事项或牵头单位</source>
        <translation>Search items or lead units</translation>
    </message>
    <message>
        <source>全部措施</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>批量印发</source>
        <translation>Issue in batch</translation>
    </message>
    <message>
        <source>选中多项同为“发催办单”或“发督办通知书”的事项，按牵头单位各印发一份</source>
        <translation>Select several items that all await “Send a reminder” or “Send a supervision notice” to issue one document per lead unit</translation>
    </message>
    <message>
        <source>逾期事项的下一步督办措施（双击按建议印发文书；可多选后批量印发）：</source>
        <translation>Next supervision step for each overdue item (double-click to issue the suggested document; select several to issue in batch):</translation>
    </message>
    <message>
        <source>批量催办</source>
        <translation>Batch reminders</translation>
    </message>
    <message>
        <source>批量督办</source>
        <translation>Batch notices</translation>
    </message>
    <message>
        <source>%1（%2 项）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <source>共 %1 项，筛选后 %2 项</source>
        <translation>%1 items, %2 shown</translation>
    </message>
    <message>
        <source>时限 %1 已过 %2 个工作日</source>
        <translation>Deadline %1 passed %2 working days ago</translation>
    </message>
    <message>
        <source>%1后等待期满（%2），又过 %3 个工作日仍未办结</source>
        <translation>After %1, waited until %2; still open %3 working days later</translation>
    </message>
    <message>
        <source>已按牵头单位印发 %1 份%2，涉及事项 %3 项；反馈时限 %4。</source>
        <translation>Issued %1 %2 (one per lead unit) on %3 items; reply by %4.</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>reminder(s)</translation>
    </message>
    <message>
        <source>督办通知书</source>
        <translation>supervision notice(s)</translation>
    </message>
    <message>
        <source>反馈时限为估算：节假日安排未覆盖%1年，暂按周末推算，请在公布放假安排后核对。</source>
        <translation>The reply deadline is an estimate: the holiday calendar does not cover %1, so only weekends were counted. Check it once the holiday schedule is published.</translation>
    </message>
</context>
<context>
    <name>EstablishmentEditor</name>
    <message>
        <source>建制情况</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <source>工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>对方单位（名录）</source>
        <translation>Partner (from the directory)</translation>
    </message>
    <message>
        <source>对方单位名称</source>
        <translation>Partner name</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>已建制</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>已建立联席会议制度</source>
        <translation>A joint meeting system has been established</translation>
    </message>
    <message>
        <source>建制日期</source>
        <translation>Establishment date</translation>
    </message>
    <message>
        <source>建制文件</source>
        <translation>Founding document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>每年应召开次数（0 按层级默认）</source>
        <translation>Meetings per year (0: the level&apos;s default)</translation>
    </message>
    <message>
        <source>未建制原因</source>
        <translation>Reason not established</translation>
    </message>
    <message>
        <source>限期建制日期</source>
        <translation>Deadline to establish</translation>
    </message>
    <message>
        <source>已有建制记录</source>
        <translation>Establishment record exists</translation>
    </message>
    <message>
        <source>这一对单位已经有一条建制记录（编号 %1）。放弃这里的填写，打开那一条吗？</source>
        <translation>This pair of units already has an establishment record (no. %1). Discard what you entered here and open that one?</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>导出到U盘</source>
        <translation>Export to USB</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <source>交换记录</source>
        <translation>Exchange log</translation>
    </message>
    <message>
        <source>冲突处理</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>密钥与对方单位</source>
        <translation>Keys and offices</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>刷新U盘列表</source>
        <translation>Refresh drives</translation>
    </message>
    <message>
        <source>选择其他文件夹…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>发送给</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>数据包包含对方上次确认收到以后本单位新增和修改的全部记录及附件。写入后程序会重新读出核对，提示“可以拔出U盘”后再拔出。</source>
        <translation>A package holds every record and attachment added or changed since the other office last acknowledged. It is read back and checked after writing; unplug the stick only when told it is safe.</translation>
    </message>
    <message>
        <source>上级</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>下级</source>
        <translation>subordinate</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>还没有可以发送的对方单位：请先在“密钥与对方单位”中导入对方的设置文件。</source>
        <translation>No office to send to yet: import its setup file under “Keys and offices” first.</translation>
    </message>
    <message>
        <source>U盘 %1（%2，可用 %3）</source>
        <translation>USB drive %1 (%2, %3 free)</translation>
    </message>
    <message>
        <source>未发现U盘，请插入U盘后刷新，或选择其他文件夹。</source>
        <translation>No USB drive found: plug one in and refresh, or choose another folder.</translation>
    </message>
    <message>
        <source>选择保存数据包的文件夹</source>
        <translation>Choose the folder for the package</translation>
    </message>
    <message>
        <source>文件夹 %1</source>
        <translation>Folder %1</translation>
    </message>
    <message>
        <source>请勾选至少一个发送对象。</source>
        <translation>Tick at least one recipient.</translation>
    </message>
    <message>
        <source>请选择U盘或文件夹。</source>
        <translation>Choose a USB drive or a folder.</translation>
    </message>
    <message>
        <source>正在写入数据包…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <source>%1：没有需要发送的内容。</source>
        <translation>%1: nothing to send.</translation>
    </message>
    <message>
        <source>仅回执</source>
        <translation>receipts only</translation>
    </message>
    <message>
        <source>%1：已写入 %2（%3）</source>
        <translation>%1: wrote %2 (%3)</translation>
    </message>
    <message>
        <source>已核对无误，可以拔出U盘。</source>
        <translation>Checked: you can unplug the USB drive.</translation>
    </message>
    <message>
        <source>——上次未写成的数据包，原样重新写出</source>
        <translation> — a package not written last time, written again unchanged</translation>
    </message>
    <message>
        <source>导出失败：%1 已生成的数据包会保留，下次导出时原样重新写出。</source>
        <translation>Export failed: %1 A package already built is kept and written again unchanged next time.</translation>
    </message>
</context>
<context>
    <name>ExtensionQueue</name>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>原时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>申请延至</source>
        <translation>Extension to</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>同意延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <source>不同意…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>待批 %1 项，最早的已等 %2 天。</source>
        <translation>%1 requests pending; the oldest has waited %2 days.</translation>
    </message>
    <message>
        <source>没有待批的延期申请。</source>
        <translation>No extension request is waiting.</translation>
    </message>
    <message>
        <source>不同意延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>设置单位管理员</source>
        <translation>Set up the administrator</translation>
    </message>
    <message>
        <source>单人使用，启动时不需登录（单位管理员可随时更改）</source>
        <translation>Single user: no log-in at start (the administrator can change this at any time)</translation>
    </message>
    <message>
        <source>请建立本单位的第一个账户：单位管理员。之后可在“设置 → 账户管理”中为同事建立账户。</source>
        <translation>Create this office’s first account: its administrator. Accounts for colleagues can then be created under “Settings → Accounts”.</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>暂不设置</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>FontRoles</name>
    <message>
        <source>标题（小标宋）</source>
        <translation>Title (XiaoBiaoSong)</translation>
    </message>
    <message>
        <source>正文（仿宋）</source>
        <translation>Body (FangSong)</translation>
    </message>
    <message>
        <source>一级标题（黑体）</source>
        <translation>Heading 1 (HeiTi)</translation>
    </message>
    <message>
        <source>二级标题（楷体）</source>
        <translation>Heading 2 (KaiTi)</translation>
    </message>
    <message>
        <source>页码（宋体）</source>
        <translation>Page numbers (SongTi)</translation>
    </message>
    <message>
        <source>本机缺少公文字体，%1 暂以其他字体代替；可在“设置 → 公文字体”中指定字体文件夹。</source>
        <translation>Stand-in fonts print %1; set a font folder in Settings → Document fonts.</translation>
    </message>
</context>
<context>
    <name>FontRolesBox</name>
    <message>
        <source>公文字体</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <source>选择字体文件夹…</source>
        <translation>Choose font folder…</translation>
    </message>
    <message>
        <source>不使用</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>字体文件夹</source>
        <translation>Font folder</translation>
    </message>
    <message>
        <source>（未指定，使用系统字体）</source>
        <translation>(none: system fonts are used)</translation>
    </message>
    <message>
        <source>（代用）</source>
        <translation> (stand-in)</translation>
    </message>
    <message>
        <source>选择字体文件夹</source>
        <translation>Choose font folder</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>当前账户：%1（%2）</source>
        <translation>Account: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>选择数据包…</source>
        <translation>Choose packages…</translation>
    </message>
    <message>
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>数据包与记录类别</source>
        <translation>Package and record kind</translation>
    </message>
    <message>
        <source>可以一次选择多个数据包。先预览每个数据包将新增、更新哪些记录，确认后自动备份数据库，再在一个事务中全部导入；出错时数据库保持原样。</source>
        <translation>Choose one or more packages. The preview shows what each would add or update; on confirmation the database is backed up and everything is imported in one transaction; on any error the database stays as it was.</translation>
    </message>
    <message>
        <source>选择数据包</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <source>联席数据包 (*.lxpkg);;所有文件 (*)</source>
        <translation>LianXi packages (*.lxpkg);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查数据包…</source>
        <translation>Checking the packages…</translation>
    </message>
    <message>
        <source>正在导入数据包…</source>
        <translation>Importing the packages…</translation>
    </message>
    <message>
        <source>导入完成：%1 个数据包已导入。</source>
        <translation>Done: %1 packages imported.</translation>
    </message>
    <message>
        <source>导入前的备份：%1</source>
        <translation> Backup taken before importing: %1</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>以上是预览，数据库尚未改动。确认无误后点“确认导入”。</source>
        <translation>This is a preview; nothing has changed yet. Click “Import” to apply it.</translation>
    </message>
    <message>
        <source>没有可以导入的数据包。</source>
        <translation>No package can be imported.</translation>
    </message>
    <message>
        <source>导入失败，数据库保持原样：%1</source>
        <translation>Import failed; the database is unchanged: %1</translation>
    </message>
    <message>
        <source>%1 第 %2 号</source>
        <translation>%1 no. %2</translation>
    </message>
    <message>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>重新同步</source>
        <translation>Resync</translation>
    </message>
    <message>
        <source>%1 的数据包重新从第 1 号开始编号：对方恢复过备份，要求重新同步。请先与对方电话核对。接受后双方互相补发对方缺少的记录，两边改得不一样的记录列入“冲突处理”由您决定，不会丢失数据。接受重新同步吗？</source>
        <translation>Packages from %1 are numbered from 1 again: they restored a backup and ask to resync. Check with them by phone first. Once accepted, each side sends the records the other lacks, and records changed differently on the two sides go to “Conflicts” for you to decide; no data is lost. Accept the resync?</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>议定事项</source>
        <translation>Agreed item</translation>
    </message>
    <message>
        <source>所属会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Item text</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <source>有完成时限</source>
        <translation>Has a deadline</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>目标数值</source>
        <translation>Target figure</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>办理过程：</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>时限 %1</source>
        <translation>deadline %1</translation>
    </message>
    <message>
        <source>申请延期至 %1</source>
        <translation>extension requested to %1</translation>
    </message>
    <message>
        <source>，</source>
        <comment>between items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between items of a list</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>%1&#x3000;反馈（%2%）：%3 %4</source>
        <translation>%1  Feedback (%2%): %3 %4</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>反馈进展</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>完成进度</source>
        <translation>Percent done</translation>
    </message>
    <message>
        <source>成效数据（每行 名称=数值单位）</source>
        <translation>Outcome figures (one a line: name=number unit)</translation>
    </message>
    <message>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <source>延期至</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>同意延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <source>不同意延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>验收</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>验收意见</source>
        <translation>Verification note</translation>
    </message>
    <message>
        <source>撤销事项</source>
        <translation>Cancel item</translation>
    </message>
    <message>
        <source>第%1次联席会议（%2，%3）</source>
        <translation>Joint meeting no. %1 (%2, %3)</translation>
    </message>
    <message>
        <source>日期未定</source>
        <translation>date not set</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>导出本单位设置文件…</source>
        <translation>Export our setup file…</translation>
    </message>
    <message>
        <source>把设置文件交给对方，并通过电话念出指纹；对方导入时核对指纹一致后才会信任。</source>
        <translation>Give the setup file to the other office and read the fingerprint to them by phone; they trust it only when the fingerprints match.</translation>
    </message>
    <message>
        <source>对方单位</source>
        <translation>Other offices</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>导入对方设置文件…</source>
        <translation>Import a setup file…</translation>
    </message>
    <message>
        <source>吊销所选单位的密钥</source>
        <translation>Revoke the selected key</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已信任（上级）</source>
        <translation>Trusted (parent)</translation>
    </message>
    <message>
        <source>已信任</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <source>未信任</source>
        <translation>Not trusted</translation>
    </message>
    <message>
        <source>导出本单位设置文件</source>
        <translation>Export our setup file</translation>
    </message>
    <message>
        <source>本单位设置文件.json</source>
        <translation>setup-file.json</translation>
    </message>
    <message>
        <source>设置文件 (*.json)</source>
        <translation>Setup files (*.json)</translation>
    </message>
    <message>
        <source>无法写入 %1：%2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>已写入 %1。请电话告知对方指纹：%2</source>
        <translation>Wrote %1. Read this fingerprint to the other office by phone: %2</translation>
    </message>
    <message>
        <source>导入对方设置文件</source>
        <translation>Import a setup file</translation>
    </message>
    <message>
        <source>核对指纹</source>
        <translation>Check the fingerprint</translation>
    </message>
    <message>
        <source>请输入对方电话告知的密钥指纹：</source>
        <translation>Enter the fingerprint the other office read to you:</translation>
    </message>
    <message>
        <source>无法读取 %1：%2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>已信任 %1。</source>
        <translation>Trusted %1.</translation>
    </message>
    <message>
        <source>请先选择一个对方单位。</source>
        <translation>Select an office first.</translation>
    </message>
    <message>
        <source>吊销密钥</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>吊销后将拒收 %1 用此密钥签名的数据包。确定吊销吗？</source>
        <translation>Packages signed by %1 with this key will be refused. Revoke it?</translation>
    </message>
    <message>
        <source>已吊销 %1 的密钥。</source>
        <translation>Revoked the key of %1.</translation>
    </message>
    <message>
        <source>与所选单位重新同步…</source>
        <translation>Resync with the selected office…</translation>
    </message>
    <message>
        <source>本单位恢复备份后：数据包重新从第 1 号编号，双方互相补发对方缺少的记录</source>
        <translation>After this office restores a backup: packages are numbered from 1 again and each side sends the records the other lacks</translation>
    </message>
    <message>
        <source>对方在本单位名录中的条目</source>
        <translation>Their entry in our directory</translation>
    </message>
    <message>
        <source>请在本单位名录中选出“%1”对应的单位（如下级乡镇工会）。对方导入的会议、事项将计入该单位，本单位交给该单位的事项也会发给对方。名录中没有时可留空。</source>
        <translation>Choose the unit in our directory that stands for “%1” (such as a subordinate township union). Meetings and items imported from them count for that unit, and items we assign to that unit are sent to them. Leave it empty if the directory has none.</translation>
    </message>
    <message>
        <source>重新同步</source>
        <translation>Resync</translation>
    </message>
    <message>
        <source>本单位恢复过备份后，%1 会拒收本单位的数据包。重新同步：本单位给 %1 的数据包重新从第 1 号编号，并带上对方应有的全部记录；对方导入时确认后，也会补发本单位缺少的记录。请先电话告知对方。现在重新同步吗？</source>
        <translation>After this office has restored a backup, %1 refuses our packages. Resync: our packages to %1 are numbered from 1 again and carry every record they should have; once they confirm on import, they also send back the records we lack. Tell them by phone first. Resync now?</translation>
    </message>
    <message>
        <source>已准备与 %1 重新同步。请在“导出”中导出数据包交给对方。</source>
        <translation>Ready to resync with %1. Export a package under “Export to USB” and hand it to them.</translation>
    </message>
    <message>
        <source>更换本单位密钥…</source>
        <translation>Change this office’s keys…</translation>
    </message>
    <message>
        <source>备份外泄或经办人调离时：换用新密钥，随后的数据包告知对方，对方回执后旧密钥作废</source>
        <translation>When a backup has leaked or the clerk has moved on: switch to new keys; the next packages tell the other offices, and the old keys end once they acknowledge</translation>
    </message>
    <message>
        <source>更换本单位密钥</source>
        <translation>Change this office’s keys</translation>
    </message>
    <message>
        <source>换用新的签名和加密密钥。之后导出的数据包仍用旧密钥签名，并告知各对方单位新密钥；对方导入后即信任新密钥，回执到达后旧密钥作废。请把新指纹电话告知对方。现在更换吗？</source>
        <translation>Switch to new signing and encryption keys. Packages exported after this are still signed with the old key and tell each other office the new keys; they trust the new keys once they import, and the old keys end when their acknowledgement arrives. Read the new fingerprint to the other offices by phone. Change the keys now?</translation>
    </message>
    <message>
        <source>已更换本单位密钥。新指纹：%1。请导出数据包交给各对方单位。</source>
        <translation>Changed this office’s keys. New fingerprint: %1. Export packages and hand them to the other offices.</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>对方单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>长时间未操作，窗口已锁定。请重新登录。</source>
        <translation>The window was locked after a long time without activity. Log in again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>单位名录</source>
        <translation>Unit directory</translation>
    </message>
    <message>
        <source>建制情况</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <source>职工建议</source>
        <translation>Worker suggestions</translation>
    </message>
    <message>
        <source>议题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Agreed items</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Bulletins</translation>
    </message>
    <message>
        <source>联席 — %1</source>
        <translation>LianXi — %1</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>最近交换：%1</source>
        <translation>Last exchange: %1</translation>
    </message>
    <message>
        <source>尚未交换</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>年度统计表</source>
        <translation>Annual statistics</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>出席</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>列席</source>
        <translation>Sat in</translation>
    </message>
    <message>
        <source>议题组</source>
        <translation>Topics group</translation>
    </message>
    <message>
        <source>材料组</source>
        <translation>Materials group</translation>
    </message>
    <message>
        <source>会务组</source>
        <translation>Logistics group</translation>
    </message>
    <message>
        <source>宣传组</source>
        <translation>Publicity group</translation>
    </message>
    <message>
        <source>督查组</source>
        <translation>Supervision group</translation>
    </message>
    <message>
        <source>联席会议</source>
        <translation>Joint meeting</translation>
    </message>
    <message>
        <source>会议类别</source>
        <translation>Meeting kind</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>政府方单位</source>
        <translation>Government side (unit)</translation>
    </message>
    <message>
        <source>政府方名称</source>
        <translation>Government side (name)</translation>
    </message>
    <message>
        <source>届次（第N次，0 为自动）</source>
        <translation>Number in series (0: automatic)</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>参会人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>工作小组</source>
        <translation>Working groups</translation>
    </message>
    <message>
        <source>会议纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Agreed items</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>出席情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>请假原因</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>列入议程 →</source>
        <translation>Add to agenda →</translation>
    </message>
    <message>
        <source>← 移出议程</source>
        <translation>← Remove from agenda</translation>
    </message>
    <message>
        <source>已审定、可列入会议的议题（可拖入右侧）：</source>
        <translation>Vetted topics ready for a meeting (drag them to the right):</translation>
    </message>
    <message>
        <source>本次会议议程（拖动调整顺序）：</source>
        <translation>This meeting&apos;s agenda (drag to reorder):</translation>
    </message>
    <message>
        <source>成员，以顿号分隔</source>
        <translation>Members, separated by commas</translation>
    </message>
    <message>
        <source>新增议定事项</source>
        <translation>New agreed item</translation>
    </message>
    <message>
        <source>%1召开</source>
        <translation>held %1</translation>
    </message>
    <message>
        <source>走过场：%1</source>
        <translation>Held only for form: %1</translation>
    </message>
    <message>
        <source>%1. %2（%3；%4）</source>
        <translation>%1. %2 (%3; %4)</translation>
    </message>
    <message>
        <source>标记已召开</source>
        <translation>Mark held</translation>
    </message>
    <message>
        <source>召开日期</source>
        <translation>Date held</translation>
    </message>
    <message>
        <source>印发纪要</source>
        <translation>Issue minutes</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>取消会议</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>打印会议通知</source>
        <translation>Print meeting notice</translation>
    </message>
    <message>
        <source>打印纪要</source>
        <translation>Print minutes</translation>
    </message>
    <message>
        <source>认定走过场并责令重开</source>
        <translation>Flag as held for form and order a new meeting</translation>
    </message>
    <message>
        <source>认定走过场</source>
        <translation>Flag as held for form</translation>
    </message>
    <message>
        <source>限期重新召开</source>
        <translation>Re-convene by</translation>
    </message>
    <message>
        <source>保存会议后可用</source>
        <translation>Available once the meeting is saved</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>原则通过</source>
        <translation>Passed in principle</translation>
    </message>
    <message>
        <source>暂缓</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <source>不予通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>记录会议决定…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <source>选中右侧议程中的议题，记录会议对它的决定：通过、原则通过、暂缓或不予通过</source>
        <translation>Select a topic in the agenda on the right to record the meeting’s decision on it: passed, passed in principle, deferred or rejected</translation>
    </message>
    <message>
        <source>（不注明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <source>会议决定：%1</source>
        <translation>Decision: %1</translation>
    </message>
    <message>
        <source>决定结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>议定意见</source>
        <translation>Decision text</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>如 09:30</source>
        <translation>e.g. 09:30</translation>
    </message>
    <message>
        <source>印发的纪要会自动列出上次会议议定事项的落实情况（按印发当日的办理情况），不必在正文中录入。</source>
        <translation>The issued minutes list the progress on the last meeting’s agreed items by themselves (as it stands on the issue date); there is no need to type it into the text.</translation>
    </message>
</context>
<context>
    <name>NoticeEditor</name>
    <message>
        <source>督办文书</source>
        <translation>Supervision document</translation>
    </message>
    <message>
        <source>文书类别</source>
        <translation>Document kind</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>印发时自动编号</source>
        <translation>Numbered automatically when issued</translation>
    </message>
    <message>
        <source>督办对象</source>
        <translation>Supervised unit</translation>
    </message>
    <message>
        <source>督办事项（勾选）</source>
        <translation>Items supervised (tick them)</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>督办要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>反馈时限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>存在问题（整改通知）</source>
        <translation>Problems found (rectification order)</translation>
    </message>
    <message>
        <source>整改时限（整改通知）</source>
        <translation>Rectification deadline (rectification order)</translation>
    </message>
    <message>
        <source>整改结果</source>
        <translation>Rectification result</translation>
    </message>
    <message>
        <source>印发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>保存整改结果</source>
        <translation>Save rectification result</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>%1（时限 %2）</source>
        <translation>%1 (deadline %2)</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>欢迎使用联席</source>
        <translation>Welcome to LianXi</translation>
    </message>
    <message>
        <source>如 滨海县总工会</source>
        <translation>e.g. 滨海县总工会</translation>
    </message>
    <message>
        <source>如 盐城市总工会</source>
        <translation>e.g. 盐城市总工会</translation>
    </message>
    <message>
        <source>如 滨工联</source>
        <translation>e.g. 滨工联</translation>
    </message>
    <message>
        <source>设置本单位</source>
        <translation>Set up this office</translation>
    </message>
    <message>
        <source>单位名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>层级：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>上级单位：</source>
        <translation>Parent unit:</translation>
    </message>
    <message>
        <source>发文字号前缀：</source>
        <translation>Document-number prefix:</translation>
    </message>
    <message>
        <source>先看看</source>
        <translation>Look around first</translation>
    </message>
    <message>
        <source>打开一个演示县（约 25 个乡镇街道、800 家企业工会、三年的会议和督办记录），数据另存一处，不影响本单位的数据库。</source>
        <translation>Open a demo county (about 25 townships and subdistricts, 800 enterprise unions, three years of meetings and supervision). Its data is kept apart and does not touch this office&apos;s database.</translation>
    </message>
    <message>
        <source>浏览演示县</source>
        <translation>Browse the demo county</translation>
    </message>
    <message>
        <source>欢迎使用联席。请先设置本单位的信息，或先浏览一个演示县。</source>
        <translation>Welcome to LianXi. Set up your office first, or browse a demo county.</translation>
    </message>
    <message>
        <source>正在建立演示县…</source>
        <translation>Building the demo county…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>未能完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <source>修改%1“%2”</source>
        <translation>Edit %1 “%2”</translation>
    </message>
    <message>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>暂不填写</source>
        <translation>Leave blank</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>RatesPanel</name>
    <message>
        <source>计算考核得分后显示本年度各项比率。</source>
        <translation>The year’s rates appear once the scores are computed.</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>实际开会次数</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>召开率 = 已召开 ÷ 应召开；应召开按建制要求的每期一次计，走过场的会议不计。</source>
        <translation>Convening rate = convened ÷ required; one meeting is required per period of the establishment, and meetings held only for form do not count.</translation>
    </message>
    <message>
        <source>建制记录</source>
        <translation>Establishments</translation>
    </message>
    <message>
        <source>已建制</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>建制率</source>
        <translation>Establishment rate</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>Handling level</translation>
    </message>
    <message>
        <source>收到建议</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>采纳</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>采纳率</source>
        <translation>Adoption rate</translation>
    </message>
    <message>
        <source>召开会议</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>议题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Agreed items</translation>
    </message>
    <message>
        <source>召开率（按季度）</source>
        <translation>Convening rate (by quarter)</translation>
    </message>
    <message>
        <source>职工建议采纳（按办理层级）</source>
        <translation>Worker suggestions adopted (by handling level)</translation>
    </message>
    <message>
        <source>会议情况</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>%1 年度（数据截至 %2）</source>
        <translation>%1 (data as of %2)</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>有未保存的修改。要保存吗？</source>
        <translation>There are unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>记录已被修改</source>
        <translation>Record changed elsewhere</translation>
    </message>
    <message>
        <source>这条记录已被他人修改。放弃您的修改，载入最新内容吗？</source>
        <translation>Someone else has changed this record. Discard your changes and load the latest version?</translation>
    </message>
    <message>
        <source>此记录由“%1”录入和维护，本单位只能查看；如需修改，请联系对方。</source>
        <translation>This record is entered and maintained by “%1”; this office can only view it. To change it, contact them.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>搜索：中文或拼音首字母，如 bhx</source>
        <translation>Search: Chinese or pinyin initials, e.g. bhx</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>按单位筛选</source>
        <translation>Filter by unit</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>无法写入文件：%1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>删除这条%1？只有误录入、尚未办理的记录可以删除。</source>
        <translation>Delete this %1? Only records entered by mistake and not yet acted on can be deleted.</translation>
    </message>
    <message>
        <source>仅看限期已过</source>
        <translation>Past deadline only</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>这份%1已经作废。</source>
        <translation>This %1 is already void.</translation>
    </message>
    <message>
        <source>删除%1（编号 %2）</source>
        <translation>Delete %1 (no. %2)</translation>
    </message>
    <message>
        <source>按内容重排列宽</source>
        <translation>Fit columns to contents</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>● 红</source>
        <translation>● Red</translation>
    </message>
    <message>
        <source>● 黄</source>
        <translation>● Yellow</translation>
    </message>
    <message>
        <source>● 绿</source>
        <translation>● Green</translation>
    </message>
    <message>
        <source>● 灰</source>
        <translation>● Grey</translation>
    </message>
    <message>
        <source>限期已过，仍未建制</source>
        <translation>Past the deadline, not yet established</translation>
    </message>
    <message>
        <source>已于 %1 作废：%2</source>
        <translation>Voided on %1: %2</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>默认：××年度联席会议工作考核</source>
        <translation>Default: joint-meeting assessment of the year</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除所选指标</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>复制上年度方案</source>
        <translation>Copy last year’s scheme</translation>
    </message>
    <message>
        <source>恢复默认方案</source>
        <translation>Restore the default</translation>
    </message>
    <message>
        <source>保存方案</source>
        <translation>Save scheme</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>考核规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>本级记录占比</source>
        <translation>Own-records share</translation>
    </message>
    <message>
        <source>无考核内容时</source>
        <translation>When nothing to assess</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>每次分值</source>
        <translation>Points each</translation>
    </message>
    <message>
        <source>本单位自身记录所占分值比例，其余归所属企业工会的记录（0–1）</source>
        <translation>Share of the points earned by the unit’s own records; the rest by its enterprise unions’ records (0–1)</translation>
    </message>
    <message>
        <source>进展反馈最长间隔、职工建议办理时限或会议纪要印发时限（天）</source>
        <translation>Longest gap between feedback, time to handle a suggestion, or time to issue minutes (days)</translation>
    </message>
    <message>
        <source>扣分项、加分项每条记录的分值；合计不超过该项分值</source>
        <translation>Points per record for deductions and bonuses; never more than the indicator’s points in all</translation>
    </message>
    <message>
        <source>方案名称：</source>
        <translation>Scheme name:</translation>
    </message>
    <message>
        <source>总分：</source>
        <translation>Total:</translation>
    </message>
    <message>
        <source>本年度考核方案由上级下发，本单位不能修改；本单位的测算得分也按此方案计算。</source>
        <translation>This year’s scheme came from the parent office and cannot be changed here; our own computation uses it too.</translation>
    </message>
    <message>
        <source>本年度尚未保存考核方案，下面是默认方案；保存后即按此计分。</source>
        <translation>No scheme saved for this year; below is the default. Scores follow it once saved.</translation>
    </message>
    <message>
        <source>本年度已保存 %1 个单位的暂定结果、%2 个单位的已发布结果。修改方案后，页面上的得分立即按新方案重新计算；暂定结果在下次“保存为本单位结果”时按新方案覆盖；已发布的结果保持原样，重新发布后才按新方案更新。</source>
        <translation>Provisional results of %1 units and published results of %2 units are saved for this year. After a change the page re-scores at once; provisional results are replaced at the next “Save as our results”; published results stay until published again.</translation>
    </message>
    <message>
        <source>计分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>（范围 %1–%2）</source>
        <translation> (range %1–%2)</translation>
    </message>
    <message>
        <source>本单位自身记录所占分值比例，其余归所属企业工会的记录</source>
        <translation>Share of the points earned by the unit’s own records; the rest by its enterprise unions’ records</translation>
    </message>
    <message>
        <source>本年度没有需要考核的记录时按满分计还是不得分</source>
        <translation>Full points or none when the year has no records to assess</translation>
    </message>
    <message>
        <source>议定事项两次进展反馈之间最长间隔的天数</source>
        <translation>Longest gap in days between two progress reports on an item</translation>
    </message>
    <message>
        <source>职工建议收到后应办理完毕的天数</source>
        <translation>Days within which a suggestion must be handled</translation>
    </message>
    <message>
        <source>会议召开后应印发纪要的天数</source>
        <translation>Days within which the minutes must be issued after a meeting</translation>
    </message>
    <message>
        <source>每次被认定走过场的会议扣的分数</source>
        <translation>Points deducted per meeting held only for form</translation>
    </message>
    <message>
        <source>每次在督查通报中被点名扣（加）的分数</source>
        <translation>Points deducted (added) per mention in a bulletin</translation>
    </message>
    <message>
        <source>按满分计</source>
        <translation>Full points</translation>
    </message>
    <message>
        <source>不得分</source>
        <translation>No points</translation>
    </message>
    <message>
        <source>计分指标合计 %1 分，总分 %2 分</source>
        <translation>Scored indicators total %1 points; the scheme totals %2</translation>
    </message>
    <message>
        <source>（不相等，不能保存）</source>
        <translation> (not equal: cannot save)</translation>
    </message>
    <message>
        <source>已载入 %1 年度的方案，检查后请保存。</source>
        <translation>Loaded the %1 scheme; check it and save.</translation>
    </message>
    <message>
        <source>%1 年度没有保存的方案，已载入默认方案，检查后请保存。</source>
        <translation>No scheme saved for %1; loaded the default. Check it and save.</translation>
    </message>
    <message>
        <source>方案至少要有一项指标。</source>
        <translation>A scheme needs at least one indicator.</translation>
    </message>
    <message>
        <source>“%1”的分值应大于 0 且不超过总分 %2 分。</source>
        <translation>“%1” must be worth more than 0 and at most the total of %2 points.</translation>
    </message>
    <message>
        <source>本年度已有 %1 个单位的考核结果已发布。保存新方案不会改变已发布的结果，重新发布后才按新方案更新。继续保存吗？</source>
        <translation>Results of %1 units are already published for this year. Saving the new scheme does not change them until they are published again. Save anyway?</translation>
    </message>
    <message>
        <source>考核方案已保存，得分将按新方案重新计算。</source>
        <translation>Scheme saved; scores are being recomputed with it.</translation>
    </message>
    <message>
        <source>保存考核方案</source>
        <translation>Save scheme</translation>
    </message>
    <message>
        <source>考核表上显示的名称；可改写，清空后恢复规则的标准名称</source>
        <translation>The name shown on the assessment sheet; editable, and clearing it restores the rule’s standard name</translation>
    </message>
    <message>
        <source>该项指标的满分；计分指标的分值合计应等于总分</source>
        <translation>Full points of this indicator; the scored indicators must add up to the total</translation>
    </message>
    <message>
        <source>本年度没有需要考核的记录时，该项按满分计还是不得分</source>
        <translation>Full points or none for this indicator when the year has no records to assess</translation>
    </message>
    <message>
        <source>本级记录占比：如 0.6 表示该项 60% 看本单位自己的记录，40% 看所属企业工会报来的记录。无考核内容时：当年没有该项记录时按满分计或不得分。天数：进展反馈最长间隔、职工建议办理时限或纪要印发时限。每次分值：扣分、加分项每条记录扣（加）的分数，合计不超过该项分值。鼠标停在表头或单元格上可看说明。</source>
        <translation>Own-records share: 0.6, for example, means 60% of the indicator looks at the unit’s own records and 40% at those reported by its enterprise unions. When nothing to assess: full points or none when the year has no records for the indicator. Days: the longest gap between progress reports, the time to handle a worker suggestion, or the time to issue minutes. Points each: the points deducted (added) per record for deductions and bonuses, never more than the indicator’s points in all. Hover over a header or cell for an explanation.</translation>
    </message>
    <message>
        <source>可改写；清空或保持标准名称时使用规则的标准名称</source>
        <translation>Editable; when cleared or left unchanged, the rule’s standard name is used</translation>
    </message>
    <message>
        <source>到年底已建立联席会议制度的（建制记录）得分</source>
        <translation>Scores when a joint meeting system is established by the end of the year (establishment records)</translation>
    </message>
    <message>
        <source>已建制单位在每个已结束的期次（按规定每年几次）召开了联席会议，且未被认定走过场</source>
        <translation>Established units held a joint meeting in every period already ended (as often a year as required), not flagged as held only for form</translation>
    </message>
    <message>
        <source>当年到期的已交办议定事项已办结（办结或已验收）</source>
        <translation>Assigned agreed items due in the year are completed (completed or verified)</translation>
    </message>
    <message>
        <source>同上，且在完成时限前办结</source>
        <translation>As above, and completed by the deadline</translation>
    </message>
    <message>
        <source>议定事项从交办到办结，两次进展反馈之间不超过规定天数</source>
        <translation>From assignment to completion, no gap between two progress reports on an agreed item exceeds the set days</translation>
    </message>
    <message>
        <source>当年收到的职工建议在规定天数内答复了职工</source>
        <translation>Worker suggestions received in the year were answered within the set days</translation>
    </message>
    <message>
        <source>当年召开的会议登记了参会人员，议定事项都有牵头单位和时限，纪要按时印发</source>
        <translation>Meetings held in the year recorded their participants, every agreed item has a lead unit and a deadline, and the minutes were issued on time</translation>
    </message>
    <message>
        <source>当年召开、被认定走过场的会议，每次扣分</source>
        <translation>Deduction for each meeting held in the year and flagged as held only for form</translation>
    </message>
    <message>
        <source>当年督查通报中被通报批评，每次扣分</source>
        <translation>Deduction for each criticism in the year’s supervision bulletins</translation>
    </message>
    <message>
        <source>当年督查通报中被通报表扬，每次加分</source>
        <translation>Bonus for each commendation in the year’s supervision bulletins</translation>
    </message>
    <message>
        <source>按其余指标得分率计</source>
        <translation>Same rate as the rest</translation>
    </message>
</context>
<context>
    <name>ServerConnectionDialog</name>
    <message>
        <source>连接服务器数据库</source>
        <translation>Connect to a server database</translation>
    </message>
    <message>
        <source>全县的联席数据放在 PostgreSQL 服务器上时，在这里填写服务器管理员提供的连接信息。密码保存在系统钥匙串中，不写入任何文件。保存后重新启动联席生效。</source>
        <translation>When the county&apos;s LianXi data is on a PostgreSQL server, enter the connection the server&apos;s administrator gave you. The password is kept in the system keyring, never in a file. Restart LianXi after saving.</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名称</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>请填写服务器地址、数据库名称和用户名。</source>
        <translation>Please enter the server address, database name and user name.</translation>
    </message>
    <message>
        <source>正在连接 %1 …</source>
        <translation>Connecting to %1 …</translation>
    </message>
    <message>
        <source>正在连接服务器…</source>
        <translation>Connecting to the server…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本单位与数据</source>
        <translation>This office and its data</translation>
    </message>
    <message>
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>发文字号前缀</source>
        <translation>Document-number prefix</translation>
    </message>
    <message>
        <source>单位标识</source>
        <translation>Office ID</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>督办灯与通报</source>
        <translation>Supervision lights and bulletins</translation>
    </message>
    <message>
        <source>保存督办设置</source>
        <translation>Save supervision settings</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>导入节假日表…</source>
        <translation>Import holiday table…</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>督办设置已保存。</source>
        <translation>Supervision settings saved.</translation>
    </message>
    <message>
        <source>重新启动联席后，界面将使用所选语言。</source>
        <translation>The interface changes to the chosen language when LianXi is restarted.</translation>
    </message>
    <message>
        <source>无法读取文件：%1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>已导入 %1 天的节假日安排。</source>
        <translation>Imported the holiday arrangements of %1 days.</translation>
    </message>
    <message>
        <source>导入节假日表</source>
        <translation>Import holiday table</translation>
    </message>
    <message>
        <source>文本文件 (*.csv *.txt)</source>
        <translation>Text files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>程序内置国务院公布的节假日和调休安排；以后年度的节假日表由上级工会随数据交换包自动送达，也可在此导入（每行：日期,休 或 日期,班）。未覆盖的年度暂按周末推算。</source>
        <translation>LianXi includes the public holidays and swapped working days published by the State Council; the parent federation’s holiday tables for later years arrive with its exchange packages, or can be imported here (one line each: date,休 or date,班). Years not covered are estimated from weekends only.</translation>
    </message>
</context>
<context>
    <name>SuggestionEditor</name>
    <message>
        <source>职工建议</source>
        <translation>Worker suggestion</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>受理工会</source>
        <translation>Receiving union</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>Handled at level</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>建议人不愿留名</source>
        <translation>The submitter prefers not to give a name</translation>
    </message>
    <message>
        <source>建议人</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>建议内容</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>；原因：%1</source>
        <translation>; reason: %1</translation>
    </message>
    <message>
        <source>采纳为议题</source>
        <translation>Adopt as a topic</translation>
    </message>
    <message>
        <source>新议题标题</source>
        <translation>New topic title</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>转办单位</source>
        <translation>Forward to</translation>
    </message>
    <message>
        <source>答复职工</source>
        <translation>Reply to the worker</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>不予采纳</source>
        <translation>Do not adopt</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>答复函</source>
        <translation>Reply letter</translation>
    </message>
    <message>
        <source>；答复内容：%1</source>
        <translation>; reply: %1</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <source>会议未形成议定事项</source>
        <translation>Meeting agreed no items</translation>
    </message>
    <message>
        <source>事项缺牵头单位或时限</source>
        <translation>Item lacks a lead unit or deadline</translation>
    </message>
    <message>
        <source>纪要雷同</source>
        <translation>Minutes copied</translation>
    </message>
    <message>
        <source>应开未开</source>
        <translation>Required meeting not held</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>督办文书</source>
        <translation>Supervision documents</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>督办建议</source>
        <translation>Suggested steps</translation>
    </message>
    <message>
        <source>走过场检查</source>
        <translation>Formality checks</translation>
    </message>
    <message>
        <source>正在检查督办事项和会议情况…</source>
        <translation>Checking supervised items and meetings…</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>逾期事项 %1 项待督办；走过场迹象 %2 处。</source>
        <translation>Overdue items awaiting supervision: %1; signs of meetings held only for form: %2.</translation>
    </message>
    <message>
        <source>检查未能完成：%1</source>
        <translation>The check could not finish: %1</translation>
    </message>
    <message>
        <source>延期待批</source>
        <translation>Extensions pending</translation>
    </message>
    <message>
        <source>“%1”整改期满（%2）仍未办结</source>
        <translation>“%1” still open after its rectification deadline (%2)</translation>
    </message>
    <message>
        <source>走过场检查只列出最紧要的前 %1 处。</source>
        <translation> The formality checks list only the %1 most urgent.</translation>
    </message>
    <message>
        <source>按牵头单位印发 %1 份%2，涉及事项 %3 项，日期 %4。确定吗？</source>
        <translation>Issue %1 documents (%2), one per lead unit, covering %3 items, dated %4. Go ahead?</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>督办通知书</source>
        <translation>Supervision notice</translation>
    </message>
    <message>
        <source>批量印发</source>
        <translation>Issue in batch</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>TopicEditor</name>
    <message>
        <source>议题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>议题标题</source>
        <translation>Topic title</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>所属工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>提出单位</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>优先级（1 高 3 低）</source>
        <translation>Priority (1 high, 3 low)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between sentences</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>调研 %1&#x3000;%2&#x3000;%3</source>
        <translation>Research visit %1, %2: %3</translation>
    </message>
    <message>
        <source>审定 %1&#x3000;%2</source>
        <translation>Vetted %1: %2</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>agrees</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>disagrees</translation>
    </message>
    <message>
        <source>征求意见 %1&#x3000;%2（%3）：%4</source>
        <translation>Consulted %1, %2 (%3): %4</translation>
    </message>
    <message>
        <source>记录调研</source>
        <translation>Record a research visit</translation>
    </message>
    <message>
        <source>调研日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>调研结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>提交审定（办公室扩大会）</source>
        <translation>Submit for vetting (enlarged office meeting)</translation>
    </message>
    <message>
        <source>审定日期</source>
        <translation>Vetting date</translation>
    </message>
    <message>
        <source>审定意见</source>
        <translation>Vetting conclusion</translation>
    </message>
    <message>
        <source>部门同意</source>
        <translation>The department agrees</translation>
    </message>
    <message>
        <source>征求部门意见</source>
        <translation>Consult the department</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>部门意见</source>
        <translation>Department&apos;s opinion</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>合并到议题</source>
        <translation>Merge into topic</translation>
    </message>
    <message>
        <source>打印议题审定表</source>
        <translation>Print vetting form</translation>
    </message>
    <message>
        <source>并入议题</source>
        <translation>Into topic</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>会员人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>合并到其他单位…</source>
        <translation>Merge into another unit…</translation>
    </message>
    <message>
        <source>同一单位录入了两次时：本单位的全部记录转到保留的单位，本单位从名录中停用</source>
        <translation>When one unit was entered twice: all this unit’s records move to the unit kept, and this one is disabled in the directory</translation>
    </message>
    <message>
        <source>合并重复单位</source>
        <translation>Merge duplicate units</translation>
    </message>
    <message>
        <source>把“%1”合并到哪个单位？请选择保留的单位（名录中已有的同一单位）。</source>
        <translation>Merge “%1” into which unit? Choose the unit to keep (the same unit, already in the directory).</translation>
    </message>
    <message>
        <source>将“%1”合并到“%2”：它的会议、事项、建制等记录全部转到“%2”，“%1”从名录中停用。合并会随数据包发给对方单位。确定合并吗？</source>
        <translation>Merge “%1” into “%2”: its meetings, items, establishments and other records all move to “%2”, and “%1” is disabled in the directory. The merge goes to the other offices with the exchange packages. Merge?</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>输入单位名称或拼音首字母</source>
        <translation>Type a unit name or pinyin initials</translation>
    </message>
    <message>
        <source>无上级</source>
        <translation>no parent</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1（%2，编号%3）</source>
        <translation>%1 (%2, no. %3)</translation>
    </message>
    <message>
        <source>新建单位…</source>
        <translation>New unit…</translation>
    </message>
    <message>
        <source>新建单位…（名录中没有时）</source>
        <translation>New unit… (when it is not in the directory)</translation>
    </message>
</context>
<context>
    <name>Voiding</name>
    <message>
        <source>作废文书</source>
        <translation>Void document</translation>
    </message>
    <message>
        <source>作废%1 %2：文号保留、不再使用，已印发的文本留存并标明“作废”，不再计入督办和统计。请写明作废理由：</source>
        <translation>Void %1 %2: its number stays reserved and is not reused, the issued copy is kept and marked “void”, and it no longer counts in supervision or statistics. Give the reason for voiding:</translation>
    </message>
    <message>
        <source>作废%1 %2</source>
        <translation>Void %1 %2</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>尚未印发，没有文号：可以直接删除</source>
        <translation>Not issued yet and has no number: it can simply be deleted</translation>
    </message>
    <message>
        <source>文号保留不再使用，已印发的文本标明“作废”</source>
        <translation>The number stays reserved and unused; the issued copy is marked “void”</translation>
    </message>
    <message>
        <source>%1（已于 %2 作废：%3）</source>
        <translation>%1 (voided on %2: %3)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>备份数据库(&amp;B)…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>导出数据交换包(&amp;E)…</source>
        <translation>&amp;Export exchange package…</translation>
    </message>
    <message>
        <source>导出当前列表为 Excel…</source>
        <translation>Export list to Excel…</translation>
    </message>
    <message>
        <source>打印年度统计表(&amp;P)…</source>
        <translation>&amp;Print annual statistics…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>用户手册(&amp;U)</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>关于联席(&amp;A)</source>
        <translation>&amp;About LianXi</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>请先打开要新建记录的页面（议定事项在会议中新增）。</source>
        <translation>Open the list of the kind of record to create first (agreed items are added in their meeting).</translation>
    </message>
    <message>
        <source>请先打开一个记录列表。</source>
        <translation>Open a record list first.</translation>
    </message>
    <message>
        <source>请先在列表中选中要删除的记录。</source>
        <translation>Select the record to delete in the list first.</translation>
    </message>
    <message>
        <source>已删除所选记录。</source>
        <translation>Deleted the selected record.</translation>
    </message>
    <message>
        <source>关于联席</source>
        <translation>About LianXi</translation>
    </message>
    <message>
        <source>联席 LianXi %1
政府与工会联席会议工作系统

数据文件夹：%2
数据库：%3</source>
        <translation>LianXi %1
Government–union joint meeting system

Data folder: %2
Database: %3</translation>
    </message>
    <message>
        <source>已作废所选文书。</source>
        <translation>Voided the selected document.</translation>
    </message>
</context>
<context>
    <name>WordCopy</name>
    <message>
        <source>另存为 Word 副本</source>
        <translation>Save a Word copy</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>另存为 Word 副本…</source>
        <translation>Save a Word copy…</translation>
    </message>
    <message>
        <source>可在 WPS 或 Word 中修改文字的副本；印发的正式文件不变</source>
        <translation>A copy whose text can be edited in WPS or Word; the issued official document stays unchanged</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>请先保存记录。</source>
        <translation>Save the record first.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>未找到中文字体，界面文字可能无法显示。请安装 fonts-wqy-zenhei 或 fonts-arphic-uming（Debian、麒麟、统信）。</source>
        <translation>No Chinese font was found, so some text may not display. Install fonts-wqy-zenhei or fonts-arphic-uming (Debian, Kylin, UOS).</translation>
    </message>
    <message>
        <source>联席</source>
        <translation>LianXi</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>以前已导入，无变化</source>
        <translation>Already imported; no change</translation>
    </message>
    <message>
        <source>暂存，等待前一个数据包</source>
        <translation>Held until the previous package arrives</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已写出</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>可以导入</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>问题 %1 条</source>
        <translation>%1 problems</translation>
    </message>
    <message>
        <source>已重新写出</source>
        <translation>Written again</translation>
    </message>
    <message>
        <source>写入失败，待重新写出</source>
        <translation>Write failed; will be written again</translation>
    </message>
    <message>
        <source>重新同步：此后数据包从第 1 号重新编号</source>
        <translation>resync: packages numbered again from no. 1</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>拼音首字母</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>对方单位</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>建制日期</source>
        <translation>Establishment date</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>每年应开次数</source>
        <translation>Meetings a year</translation>
    </message>
    <message>
        <source>限期建制</source>
        <translation>Establish by</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>受理工会</source>
        <translation>Receiving union</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>Handled at level</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>议题编号</source>
        <translation>Topic no.</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>审定日期</source>
        <translation>Vetting date</translation>
    </message>
    <message>
        <source>届次</source>
        <translation>No. in series</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>召开日期</source>
        <translation>Date held</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>走过场</source>
        <translation>Held only for form</translation>
    </message>
    <message>
        <source>纪要文号</source>
        <translation>Minutes no.</translation>
    </message>
    <message>
        <source>会议编号</source>
        <translation>Meeting no.</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>进度%</source>
        <translation>Done %</translation>
    </message>
    <message>
        <source>最近反馈</source>
        <translation>Last feedback</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>会议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Item no.</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>反馈单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>督办对象</source>
        <translation>Supervised unit</translation>
    </message>
    <message>
        <source>反馈时限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>整改结果</source>
        <translation>Rectification result</translation>
    </message>
    <message>
        <source>期数</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>交办日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>督办灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>产业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>政府</source>
        <translation>Government</translation>
    </message>
    <message>
        <source>政府部门</source>
        <translation>Government department</translation>
    </message>
    <message>
        <source>党委</source>
        <translation>Party committee</translation>
    </message>
    <message>
        <source>总工会</source>
        <translation>Federation of trade unions</translation>
    </message>
    <message>
        <source>乡镇工会</source>
        <translation>Township union</translation>
    </message>
    <message>
        <source>街道工会</source>
        <translation>Subdistrict union</translation>
    </message>
    <message>
        <source>企业工会</source>
        <translation>Enterprise union</translation>
    </message>
    <message>
        <source>产业工会</source>
        <translation>Industry union</translation>
    </message>
    <message>
        <source>行业协会</source>
        <translation>Industry association</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>电子邮件</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>热线</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>座谈会</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>职工建议</source>
        <translation>Worker suggestion</translation>
    </message>
    <message>
        <source>工会调研</source>
        <translation>Union research</translation>
    </message>
    <message>
        <source>党政重点</source>
        <translation>Party and government priority</translation>
    </message>
    <message>
        <source>下级工会提请</source>
        <translation>Request from a lower union</translation>
    </message>
    <message>
        <source>政府与工会</source>
        <translation>Government and union</translation>
    </message>
    <message>
        <source>党政与工会</source>
        <translation>Party, government and union</translation>
    </message>
    <message>
        <source>产业工会与行业协会</source>
        <translation>Industry union and industry association</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>督办通知书</source>
        <translation>Supervision notice</translation>
    </message>
    <message>
        <source>整改通知书</source>
        <translation>Rectification order</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>灰</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>作废日期</source>
        <translation>Voided on</translation>
    </message>
    <message>
        <source>作废理由</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>所属会议</source>
        <translation>Meeting</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
</TS>
