<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DateField</name>
    <message>
        <location filename="../../civicdesk/ui/widgets/form_fields.py" line="101" />
        <source>例：2021-08-20</source>
        <extracomment>Colours of messages; the amber is dark enough to read on white.</extracomment>
        <translation>e.g. 2021-08-20</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/widgets/form_fields.py" line="108" />
        <source>从日历中选择</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="250" />
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="251" />
        <source>用于培训和试用；正式建立登记簿时不要勾选。</source>
        <translation>For training and trying out; leave it unticked for a real register.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="252" />
        <source>载入乐山市演示数据（本单位份额）</source>
        <translation>Load the Leshan demo data (this office's share)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="255" />
        <source>演示数据是编造的登记记录：组织、人员、村（社区）和小区的名称都是虚构的，区县和乡镇是真实的。全市合计与乐山市民政局公布的2021年数字一致（截至2021年6月30日）：登记的社会组织1,831个，社区社会组织5,611个。市民政局载入全部记录，区县民政局只载入本单位登记或备案的那一部分。</source>
        <translation>The demo data are invented register records: the names of organizations, people, villages, communities and estates are fictitious; counties and townships are real. The city's totals match the figures the Leshan civil-affairs bureau published in 2021 (as of 30 June 2021): 1,831 registered social organizations and 5,611 community social organizations. The city bureau loads every record; a district or county bureau loads only what it registered or recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="272" />
        <source>本单位不在乐山市演示数据的范围内，不能载入演示数据。</source>
        <translation>This office is outside the Leshan demo data; the demo cannot be loaded.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../civicdesk/ui/detail_pane.py" line="53" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/detail_pane.py" line="53" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="33" />
        <source>检索：名称、住所、法定代表人、信用代码、拼音（如 lnxh）</source>
        <translation>Search: name, address, legal representative, credit code, pinyin (e.g. lnxh)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="36" />
        <source>检索：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="39" />
        <source>全部组织类型</source>
        <translation>All legal forms</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="40" />
        <source>全部层级</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="41" />
        <source>全部社区类别</source>
        <translation>All community subtypes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="42" />
        <source>全部行业类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="44" />
        <source>存续（含停止活动、清算中）</source>
        <translation>Existing (incl. suspended, in liquidation)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="45" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="49" />
        <source>全部区县</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="53" />
        <location filename="../../civicdesk/ui/filter_bar.py" line="89" />
        <source>全部乡镇（街道）</source>
        <translation>All townships</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="56" />
        <source>全部来源单位</source>
        <translation>All origin offices</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filter_bar.py" line="61" />
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="284" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="285" />
        <source>正在建立本单位的登记簿，请稍候。</source>
        <translation>Creating this office's register, please wait.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="310" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="310" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="311" />
        <source>载入本单位份额</source>
        <translation>Load this office's share</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="311" />
        <source>不载入</source>
        <translation>Do not load</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="312" />
        <source>本单位：%1 %2（%3）
演示数据：%4</source>
        <translation>This office: %1 %2 (%3)
Demo data: %4</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="329" />
        <source>正在设定本单位并载入参考数据…</source>
        <translation>Setting up this office and loading the reference data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="339" />
        <source>已设定本单位：%1 %2。</source>
        <translation>This office is set up: %1 %2.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="343" />
        <source>正在生成并载入演示数据…</source>
        <translation>Generating and loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="354" />
        <source>演示数据此前已载入，未重复载入。</source>
        <translation>The demo data was loaded before; nothing was added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="357" />
        <source>已载入 %1 个组织、%2 名人员、%3 个村（社区）。</source>
        <translation>Loaded %1 organizations, %2 people, %3 villages/communities.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="376" />
        <source>设置完成。</source>
        <translation>Set-up complete.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="377" />
        <source>本单位的登记簿已建立。</source>
        <translation>This office's register has been created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="378" />
        <source>点击“完成”开始使用。</source>
        <translation>Click Finish to start.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="385" />
        <source>设置未完成。</source>
        <translation>Set-up not complete.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="386" />
        <source>出现问题，请返回检查后重试。</source>
        <translation>Something went wrong; go back, check and try again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="388" />
        <source>出错：%1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>IssueSummary</name>
    <message>
        <location filename="../../civicdesk/ui/widgets/issue_summary.py" line="34" />
        <source>可以保存</source>
        <translation>Ready to save</translation>
    </message>
    <message numerus="yes">
        <location filename="../../civicdesk/ui/widgets/issue_summary.py" line="36" />
        <source>%n 处错误</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../civicdesk/ui/widgets/issue_summary.py" line="38" />
        <source>%n 项必填内容未填写（标 * 者）</source>
        <translation><numerusform>%n required field empty (marked *)</numerusform><numerusform>%n required fields empty (marked *)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../civicdesk/ui/widgets/issue_summary.py" line="40" />
        <source>%n 处提示</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="114" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="115" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="116" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="117" />
        <source>最近打开</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="120" />
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="123" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="125" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="126" />
        <source>新建组织…</source>
        <translation>New organization…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="128" />
        <source>查看所选组织</source>
        <translation>Open the selected organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="133" />
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="136" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="137" />
        <source>显示的列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="139" />
        <source>统计摘要</source>
        <translation>Statistics summary</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="140" />
        <location filename="../../civicdesk/ui/main_window.py" line="146" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="146" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="215" />
        <source>共 %1 个组织</source>
        <translation>%1 organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="283" />
        <source>正在载入演示数据…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="287" />
        <source>演示数据已载入，未重复载入。</source>
        <translation>The demo data is already loaded; nothing was added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="289" />
        <source>已载入演示数据：%1 个组织</source>
        <translation>Demo data loaded: %1 organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="305" />
        <source>登记社会组织 {n} 个（社会团体 {sg}，民办非企业单位 {ss}，基金会 {fd}）。
社区社会组织 {ct} 个：登记 {cr}，乡镇（街道）备案 {cf}，纳入村（社区）指导管理 {cg}。
每万人拥有社会组织 {d} 个（{basis}）。</source>
        <translation>{n} registered social organizations ({sg} social groups, {ss} social service organizations, {fd} foundations).
{ct} community social organizations: {cr} registered, {cf} filed with townships, {cg} under village/community guidance.
{d} social organizations per 10,000 people ({basis}).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="319" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="328" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="331" />
        <location filename="../../civicdesk/ui/main_window.py" line="335" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="332" />
        <source>CivicDesk 数据库 (*.sqlite3)</source>
        <translation>CivicDesk databases (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="335" />
        <source>文件已存在，请用“打开数据库”。</source>
        <translation>The file exists; use Open database.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="340" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="341" />
        <source>CivicDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>CivicDesk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="349" />
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="93" />
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="94" />
        <source>选择本程序服务的民政局。区划代码是本单位的身份，与其他单位交换数据时以它识别，设定后不能更改。</source>
        <translation>Choose the civil-affairs bureau this program serves. The division code is the office's identity in exchanges with other offices and cannot be changed once set.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="108" />
        <source>其他单位（手工填写区划代码和名称）</source>
        <translation>Another office (enter its division code and name)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="118" />
        <source>6位数字，如 511111</source>
        <translation>6 digits, e.g. 511111</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="122" />
        <source>如 乐山市某某区民政局</source>
        <translation>e.g. 乐山市某某区民政局</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="125" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="126" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="132" />
        <source>区划代码：</source>
        <translation>Division code:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="134" />
        <source>单位名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="136" />
        <source>级别：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="170" />
        <source>本单位已设定，不能再更改。</source>
        <translation>This office is set up and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="206" />
        <source>请填写6位区划代码。</source>
        <translation>Enter the 6-digit division code.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="208" />
        <source>区划代码只能由数字组成。</source>
        <translation>The division code is digits only.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../civicdesk/ui/setup_wizard.py" line="209" />
        <source>区划代码应为6位数字，现为 %n 位。</source>
        <translation><numerusform>The division code must have 6 digits, not %n.</numerusform><numerusform>The division code must have 6 digits, not %n.</numerusform></translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="210" />
        <source>请填写单位名称。</source>
        <translation>Enter the office name.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="219" />
        <source>请在列表中选择本单位；不在列表中的单位请选“其他单位”。</source>
        <translation>Choose this office in the list; for an office not listed choose 'Another office'.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="221" />
        <source>请填写本单位的6位行政区划代码和单位全称，并选择级别。</source>
        <translation>Enter this office's 6-digit division code and full name, and choose its level.</translation>
    </message>
</context>
<context>
    <name>OrgFormDialog</name>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="90" />
        <source>新增社会组织</source>
        <extracomment>Fields that share a row with another field: their issues go to that row.</extracomment>
        <translation>New organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="113" />
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="114" />
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="116" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="117" />
        <source>管理层级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="118" />
        <source>社区社会组织</source>
        <translation>Community social organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="118" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="118" />
        <source>类别</source>
        <translation>Subtype</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="120" />
        <source>组织类型</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="121" />
        <source>行业类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="122" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="125" />
        <source>登记信息</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="127" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="128" />
        <source>18位，如 51511111MJ0000000X</source>
        <translation>18 characters, e.g. 51511111MJ0000000X</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="129" />
        <source>备案编号</source>
        <translation>Filing number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="130" />
        <source>登记方式</source>
        <translation>Registration mode</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="132" />
        <source>业务主管单位</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="133" />
        <source>基金会类型</source>
        <translation>Foundation type</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="135" />
        <source>成立登记日期</source>
        <translation>Date of establishment</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="136" />
        <source>证书有效期</source>
        <translation>Certificate validity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="136" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="138" />
        <source>发证日期</source>
        <translation>Certificate issued on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="140" />
        <source>住所与区划</source>
        <translation>Address and divisions</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="143" />
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="145" />
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="146" />
        <source>村（社区）</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="147" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="148" />
        <source>活动地域</source>
        <translation>Area of activity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="150" />
        <source>资金与人员</source>
        <translation>Funds and people</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="152" />
        <source>注册资金（万元）</source>
        <translation>Registered funds (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="154" />
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="155" />
        <source>从业人员数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="156" />
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="157" />
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="158" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="158" />
        <source>已建立党组织</source>
        <translation>Party organization set up</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="159" />
        <source>认定为慈善组织</source>
        <translation>Recognized charity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="161" />
        <location filename="../../civicdesk/ui/org_form.py" line="301" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="164" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="165" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="166" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="168" />
        <source>宗旨与业务范围</source>
        <translation>Purpose and business scope</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="169" />
        <source>宗旨</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="170" />
        <source>业务范围</source>
        <translation>Business scope</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="195" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="196" />
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="197" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="232" />
        <source>（演示）</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="301" />
        <source>负责人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/org_form.py" line="401" />
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>OrgViewDialog</name>
    <message>
        <location filename="../../civicdesk/ui/org_view.py" line="20" />
        <source>组织信息</source>
        <translation>Organization</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="410" />
        <source>CivicDesk 初始设置</source>
        <translation>CivicDesk set-up</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="414" />
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="415" />
        <location filename="../../civicdesk/ui/setup_wizard.py" line="416" />
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="417" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/setup_wizard.py" line="418" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>