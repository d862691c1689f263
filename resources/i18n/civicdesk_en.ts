<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="133" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="134" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="294" />
        <source>管理员账户</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="295" />
        <source>创建第一个管理员账户。管理员管理用户、查看审计记录；登记簿的每一项修改都须登录办理。</source>
        <translation>Create the first administrator account. Administrators manage users and read the audit trail; every change to the register needs a login.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="302" />
        <source>如 张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="305" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="307" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="311" />
        <source>请牢记密码：管理员密码遗失后只能由另一名管理员重置。</source>
        <translation>Keep the password safe: a lost administrator password can only be reset by another administrator.</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="126" />
        <source>审计记录</source>
        <extracomment>the columns; their headers are the catalogue's ``column.audit.*`` action prefixes offered by the filter -&gt; words</extracomment>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="133" />
        <source>全部操作人</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="136" />
        <source>（系统）</source>
        <translation>(system)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="139" />
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="155" />
        <source>&lt; 较新</source>
        <translation>&lt; Newer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="156" />
        <source>较早 &gt;</source>
        <translation>Older &gt;</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="158" />
        <source>核验审计链</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="165" />
        <source>操作人：</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="167" />
        <source>操作：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="221" />
        <source>第 %1 页：第 %2–%3 条</source>
        <translation>Page %1: entries %2–%3</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="224" />
        <source>没有符合条件的记录</source>
        <translation>No matching entries</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/audit_viewer.py" line="236" />
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>AwardsTable</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/forms.py" line="110" />
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/forms.py" line="110" />
        <source>表彰名称（中文）</source>
        <translation>Award (Chinese)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/forms.py" line="110" />
        <source>表彰名称（英文）</source>
        <translation>Award (English)</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="41" />
        <source>年度 </source>
        <translation>Year </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="51" />
        <source>添加放假/调休日…</source>
        <translation>Add holidays or worked days…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="53" />
        <source>删除本单位日期…</source>
        <translation>Remove this office's day…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="80" />
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="80" />
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="80" />
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="80" />
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="80" />
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="81" />
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="81" />
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="82" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="83" />
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="84" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="85" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="86" />
        <source>来源</source>
        <translation>Set by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="86" />
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="86" />
        <source>国家公布</source>
        <translation>National</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="88" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="91" />
        <source>放假</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="91" />
        <source>调休上班</source>
        <translation>Worked weekend day</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="108" />
        <source>%1 年：放假 %2 天，调休上班 %3 天；本单位登记 %4 天</source>
        <translation>%1: %2 holidays, %3 worked weekend days; %4 entered by this office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="120" />
        <source>只读：未登录。工作日历只有管理员可以修改。</source>
        <translation>Read only: not logged in. Only an administrator may change the working-day calendar.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="122" />
        <source>工作日历只有管理员可以修改；您的角色（%1）只能查看。</source>
        <translation>Only an administrator may change the working-day calendar; your role (%1) may only view it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="129" />
        <source>请先选择一个本单位登记的日期。</source>
        <translation>Select a day entered by this office first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="130" />
        <source>国家公布的日期不能删除：可另行登记本单位的日期覆盖它。</source>
        <translation>A national day cannot be removed: enter this office's own day to override it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="148" />
        <source>如：国务院办公厅关于2027年部分节假日安排的通知（必填）</source>
        <translation>e.g. the State Council General Office's notice on the 2027 holidays (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="154" />
        <source>添加放假/调休日</source>
        <translation>Add holidays or worked days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="155" />
        <source>自(&amp;F)</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="156" />
        <source>至(&amp;T)</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="157" />
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="158" />
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="159" />
        <source>依据(&amp;S)</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="159" />
        <source>已登记工作日历。</source>
        <translation>Calendar days entered.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="161" />
        <source>只登记一天时“至”不填。调休上班日须为星期六或星期日。</source>
        <translation>For one day leave "To" empty. A worked day must be a Saturday or Sunday.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="175" />
        <source>删除本单位日期</source>
        <translation>Remove this office's day</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="176" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="176" />
        <source>已删除本单位日期。</source>
        <translation>This office's day removed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/calendar_panel.py" line="178" />
        <source>删除 %1（%2）：国家公布的日历重新适用于这一天。</source>
        <translation>Remove %1 (%2): the national calendar applies to that day again.</translation>
    </message>
</context>
<context>
    <name>CampaignTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/tab_base.py" line="34" />
        <source>按组织名称或统一社会信用代码筛选</source>
        <translation>Filter by organization name or credit code</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="276" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="283" />
        <source>用户：</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="284" />
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="287" />
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="288" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <location filename="../../civicdesk/ui/dashboard/charts.py" line="332" />
        <source>导出为 PNG 图片…</source>
        <translation>Export as PNG image…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/charts.py" line="333" />
        <source>导出为 PDF…</source>
        <translation>Export as PDF…</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="38" />
        <source>按被举报对象名称筛选</source>
        <translation>Filter by the organization complained about</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="40" />
        <source>全部状态</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="43" />
        <source>只看逾期(&amp;L)</source>
        <translation>Only &amp;late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="45" />
        <source>到答复期限仍未答复的举报投诉，最早到期的在前</source>
        <translation>Complaints not replied by their due date, the earliest due first</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="55" />
        <source>登记举报…</source>
        <translation>Receive complaint…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="56" />
        <source>分派…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="57" />
        <source>答复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="58" />
        <source>关联抽查…</source>
        <translation>Link spot check…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="59" />
        <source>查看举报人…</source>
        <translation>Show reporter…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="60" />
        <source>监管记录…</source>
        <translation>Supervision record…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="65" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="66" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="67" />
        <source>被举报对象</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="68" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="69" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="70" />
        <source>承办人</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="71" />
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="72" />
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="74" />
        <source>答复日期</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="82" />
        <source>逾期 %1 天</source>
        <translation>%1 d late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="105" />
        <source>共 %1 件举报投诉；未答复 %2 件，其中逾期 %3 件</source>
        <translation>%1 complaints; %2 not replied, %3 of them overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="114" />
        <source>请先选择一件举报投诉。</source>
        <translation>Select a complaint first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="119" />
        <source>已答复的举报投诉不能再分派。</source>
        <translation>A complaint already replied to cannot be assigned again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="121" />
        <source>先分派给承办人，才能答复。</source>
        <translation>Assign it to a clerk before replying.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="122" />
        <source>这件举报投诉已经答复。</source>
        <translation>This complaint has been replied to.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="126" />
        <source>被举报对象不是本库登记的组织，没有监管记录。</source>
        <translation>The complaint is not about an organization of this register: there is no supervision record.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="137" />
        <source>举报人身份保密：只有审核人员或管理员可以查看举报人，每次查看都记入审计日志。</source>
        <translation>The reporter is confidential: only a reviewer or an administrator can see who reported it, and every look is written to the audit trail.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="140" />
        <source>内容：</source>
        <translation>Content: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="142" />
        <source>核查结果：</source>
        <translation>Finding: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="145" />
        <source>已关联抽查</source>
        <translation>spot check linked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="147" />
        <source>约谈 %1 次</source>
        <translation>interviews: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="149" />
        <source>处罚案件 %1 件</source>
        <translation>penalty cases: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="151" />
        <source>引起：</source>
        <translation>Led to: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="169" />
        <source>本库登记的组织：统一社会信用代码（或组织 id）</source>
        <translation>A registered organization: its credit code (or id)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="171" />
        <source>未登记的对象：写名称（与上一项二选一）</source>
        <translation>Or an unregistered body: its name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="172" />
        <source>匿名举报</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="190" />
        <source>登记举报</source>
        <translation>Receive complaint</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="191" />
        <source>收到日期(&amp;D)</source>
        <translation>Received &amp;on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="192" />
        <source>渠道(&amp;H)</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="193" />
        <source>被举报组织(&amp;O)</source>
        <translation>Organi&amp;zation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="194" />
        <source>或未登记对象(&amp;U)</source>
        <translation>Or &amp;unregistered body</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="195" />
        <source>举报投诉内容(&amp;C)</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="196" />
        <source>举报人(&amp;A)</source>
        <translation>R&amp;eporter</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="197" />
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="198" />
        <source>电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="199" />
        <source>地址(&amp;R)</source>
        <translation>Add&amp;ress</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="199" />
        <source>已登记举报投诉。</source>
        <translation>Complaint received.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="201" />
        <source>举报人的姓名、电话和地址保密：只保存在本机，不同步、不打印、不导出，列表中也不显示。</source>
        <translation>The reporter's name, phone and address are confidential: kept on this computer only, never synced, printed or exported, and not shown in the list.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="214" />
        <source>分派：%1</source>
        <translation>Assign: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="214" />
        <source>承办人(&amp;T)</source>
        <translation>Assign &amp;to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="215" />
        <source>已分派。</source>
        <translation>Assigned.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="216" />
        <source>答复期限自收到之日起算，由参数“举报投诉答复期限”确定。</source>
        <translation>The reply is due a number of days after receipt, set by the parameter 'Days to reply to a complaint'.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="228" />
        <source>答复：%1</source>
        <translation>Reply: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="229" />
        <source>核查结果(&amp;F)</source>
        <translation>&amp;Finding</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="230" />
        <source>答复日期(&amp;D)</source>
        <translation>Replied &amp;on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="230" />
        <source>已答复。</source>
        <translation>Replied.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="258" />
        <source>关联抽查：%1</source>
        <translation>Link spot check: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="259" />
        <source>抽查(&amp;S)</source>
        <translation>&amp;Spot check</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="259" />
        <source>已关联抽查。</source>
        <translation>Spot check linked.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="261" />
        <source>没有抽中该组织的抽查。</source>
        <translation>No spot check drew this organization.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="275" />
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="278" />
        <source>举报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="278" />
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="280" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="280" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="280" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="284" />
        <source>%1 收到，关于 %2</source>
        <translation>Received %1, about %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="286" />
        <source>本次查看已记入审计日志。举报人身份保密，不得泄露。</source>
        <translation>This look has been written to the audit trail. The reporter's identity is confidential: do not disclose it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/complaints_tab.py" line="291" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../civicdesk/ui/widgets/connection_banner.py" line="49" />
        <source>立即重试</source>
        <extracomment>the probe's interval (a test may shorten it)</extracomment>
        <translation>Retry now</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <location filename="../../civicdesk/ui/widgets/connection_banner.py" line="84" />
        <source>刷新登记簿</source>
        <translation>Refresh the register</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/widgets/connection_banner.py" line="86" />
        <source>正在刷新登记簿…</source>
        <translation>Refreshing the register…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/widgets/connection_banner.py" line="110" />
        <source>登记簿有其他用户的新更改，已刷新。</source>
        <translation>Other users changed the register: it was refreshed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/widgets/connection_banner.py" line="156" />
        <source>已重新连接数据库服务器。</source>
        <translation>Reconnected to the database server.</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="76" />
        <source>复制数据库</source>
        <translation>Copy the database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="78" />
        <source>把本数据库的全部数据复制到一个空的新数据库（新文件，或服务器上的空数据库），并逐表核对。</source>
        <translation>Copy all the data of this database into a new, empty database (a new file, or an empty database on a server) and check it table by table.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="82" />
        <source>新文件路径，或 postgresql://用户@服务器/数据库名</source>
        <translation>Path of a new file, or postgresql://user@server/dbname</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="84" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="95" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="101" />
        <source>复制到新文件</source>
        <translation>Copy to a new file</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="102" />
        <source>CivicDesk 数据库 (*.sqlite3)</source>
        <translation>CivicDesk databases (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="117" />
        <source>正在复制…</source>
        <translation>Copying…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="133" />
        <source>已复制 %1 行（%2 个数据表）到 %3，逐表核对一致，数据库检查与审计链检查通过。</source>
        <translation>Copied %1 rows (%2 tables) to %3; every table checked equal, the database check and the audit chain check pass.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="138" />
        <source>复制完成但核对未通过：%1</source>
        <translation>Copied, but the check failed: %1</translation>
    </message>
</context>
<context>
    <name>CreditTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="90" />
        <source>全部名单</source>
        <extracomment>the states the tab shows unless another is chosen the listings of the first page: shown at once, before every listing with its timers (a city may hold 100,000)</extracomment>
        <translation>Both lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="93" />
        <source>待决定和已列入</source>
        <translation>Proposed and listed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="93" />
        <source>全部状态</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="101" />
        <source>全市（含各区县）</source>
        <translation>Whole city (all offices)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="103" />
        <source>列出本库中全市各单位的名单记录和到期提醒（只读；区县的记录可作市局裁决）</source>
        <translation>List every office's listings and timers held in this database (read only; a district's listing can be ruled on by the city)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="119" />
        <source>规则引擎提议</source>
        <translation>Run the rule engine</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="120" />
        <source>手工提议…</source>
        <translation>Propose…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="121" />
        <source>决定列入…</source>
        <translation>Decide to list…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="122" />
        <source>不予列入…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="130" />
        <source>提议移出…</source>
        <translation>Propose removal…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="131" />
        <source>决定移出…</source>
        <translation>Decide removal…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="132" />
        <source>登记异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="133" />
        <source>决定异议…</source>
        <translation>Decide objection…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="135" />
        <source>市局裁决…</source>
        <translation>City ruling…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="144" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="146" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="378" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="147" />
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="148" />
        <source>列入情形</source>
        <translation>Ground</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="150" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="151" />
        <source>提出日期、提出人</source>
        <translation>Proposed on, by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="154" />
        <source>决定文号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="155" />
        <source>列入日期</source>
        <translation>Listed on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="157" />
        <source>移出事由、期限</source>
        <translation>Removal, due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="160" />
        <source>登记管理机关</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="165" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="166" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="167" />
        <source>结果状态</source>
        <translation>State after</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="168" />
        <source>办理人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="169" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="176" />
        <source>规则引擎</source>
        <translation>Rule engine</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="182" />
        <source>到期应移出</source>
        <translation>Removal falling due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="194" />
        <source>提出列入</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="194" />
        <source>决定列入</source>
        <translation>Listed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="194" />
        <source>不予列入</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="195" />
        <source>转入严重违法失信名单</source>
        <translation>Moved to the serious list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="195" />
        <source>提出移出</source>
        <translation>Removal proposed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="196" />
        <source>决定移出</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="196" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="472" />
        <source>不予移出</source>
        <translation>Kept listed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="196" />
        <source>登记异议</source>
        <translation>Objection received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="197" />
        <source>异议不成立，维持列入</source>
        <translation>Objection not upheld: listing stands</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="198" />
        <source>异议部分成立，更正记录</source>
        <translation>Objection partly upheld: record corrected</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="199" />
        <source>异议成立，撤销列入</source>
        <translation>Objection upheld: listing annulled</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="203" />
        <source>维持列入（异议不成立）</source>
        <translation>Listing stands (objection not upheld)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="203" />
        <source>更正记录</source>
        <translation>Record corrected</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="204" />
        <source>撤销列入（异议成立）</source>
        <translation>Listing annulled (objection upheld)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="218" />
        <source>正在读取全部信用名单记录…</source>
        <translation>Reading every credit-list record…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="233" />
        <source>待决定 %1 条；已列入 %2 条（活动异常名录 %3，严重违法失信名单 %4）</source>
        <translation>%1 proposed; %2 listed (abnormal list %3, serious list %4)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="275" />
        <source>请先选择一条名单记录。</source>
        <translation>Select a listing first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="280" />
        <source>只有待决定的提议可以决定列入或不予列入。</source>
        <translation>Only a proposal awaiting its decision can be listed or rejected.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="283" />
        <source>已提出移出，待决定。</source>
        <translation>Its removal is proposed and awaits a decision.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="284" />
        <source>只有已列入的记录可以提出移出。</source>
        <translation>Only a listing in force can be proposed for removal.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="287" />
        <source>没有待决定的移出申请。</source>
        <translation>No removal awaits a decision.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="289" />
        <source>只有待决定或已列入的记录可以登记异议。</source>
        <translation>Objections are recorded against proposed or current listings only.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="292" />
        <source>没有待处理的异议。</source>
        <translation>No objection awaits a decision.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="296" />
        <source>登记异议的人不能处理该异议：须由另一名审核人员处理（双人复核）。</source>
        <translation>Whoever recorded the objection cannot decide it: another reviewer decides (four eyes).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="302" />
        <source>全市列表只供查看：本单位的提议和决定请取消“全市（含各区县）”后办理；区县的记录只能作市局裁决。</source>
        <translation>The whole-city list is read only: for this office's proposals and decisions clear "Whole city (all offices)"; a district's listing can only be ruled on by the city.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="308" />
        <source>区县的名单记录：市局只能作出裁决，其他步骤由该区县办理。</source>
        <translation>A district's listing: the city may only rule on it; the other steps are the district's.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="331" />
        <source>情形说明：</source>
        <translation>Detail: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="333" />
        <source>证据：</source>
        <translation>Evidence: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="335" />
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="337" />
        <source>异议待处理：%1 收到</source>
        <translation>Objection awaiting a decision: received %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="356" />
        <source>市局裁决：%1</source>
        <translation>City ruling: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="366" />
        <source>规则引擎：新提出列入 %1 条，提出移出 %2 条。</source>
        <translation>Rule engine: %1 listings proposed, %2 removals proposed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="391" />
        <source>此情形须附证据，每行一条（如两次挂号信退回的记录）</source>
        <translation>This ground needs evidence, one item a line (such as two registered letters returned)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="392" />
        <source>证据，每行一条（此情形可不填）</source>
        <translation>Evidence, one item a line (optional for this ground)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="406" />
        <source>提议列入信用名单</source>
        <translation>Propose a credit listing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="407" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="407" />
        <source>名单(&amp;L)</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="408" />
        <source>列入情形(&amp;G)</source>
        <translation>&amp;Ground</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="408" />
        <source>情形说明(&amp;D)</source>
        <translation>&amp;Detail</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="409" />
        <source>证据(&amp;E)</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="409" />
        <source>提出日期(&amp;P)</source>
        <translation>&amp;Proposed on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="410" />
        <source>已提议列入，待审核人员决定。</source>
        <translation>Listing proposed; a reviewer decides it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="411" />
        <source>提议须由提出人以外的审核人员作出决定（双人复核）。</source>
        <translation>A reviewer other than the proposer decides the proposal (four eyes).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="423" />
        <source>列入决定的文号（必填）</source>
        <translation>The listing decision's number (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="429" />
        <source>决定列入：%1</source>
        <translation>List: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="430" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="483" />
        <source>文号(&amp;N)</source>
        <translation>Decision &amp;number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="431" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="447" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="484" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="518" />
        <source>决定日期(&amp;D)</source>
        <translation>&amp;Decided on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="431" />
        <source>已决定列入。</source>
        <translation>Listed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="432" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="445" />
        <source>不予列入：%1</source>
        <translation>Reject: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="446" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="463" />
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="485" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="447" />
        <source>已决定不予列入。</source>
        <translation>Rejected.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="460" />
        <source>提议移出：%1</source>
        <translation>Propose removal: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="461" />
        <source>移出事由(&amp;G)</source>
        <translation>&amp;Ground</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="462" />
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="464" />
        <source>已提出移出，待审核人员决定。</source>
        <translation>Removal proposed; a reviewer decides it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="465" />
        <source>已整改的，日期填查实整改之日，自该日起计算作出移出决定的工作日期限。</source>
        <translation>For a rectification, give the day it was verified: the working days to decide the removal run from that day.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="472" />
        <source>移出</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="474" />
        <source>移出决定的文号（移出时必填）</source>
        <translation>The removal decision's number (required to remove)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="482" />
        <source>决定移出：%1</source>
        <translation>Decide removal: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="483" />
        <source>决定(&amp;V)</source>
        <translation>&amp;Verdict</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="485" />
        <source>已作出移出决定。</source>
        <translation>Removal decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="486" />
        <source>移出事由：%1；%2 提出</source>
        <translation>Removal ground: %1; proposed %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="498" />
        <source>登记异议：%1</source>
        <translation>Record objection: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="499" />
        <source>异议内容(&amp;C)</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="500" />
        <source>收到日期(&amp;D)</source>
        <translation>Received &amp;on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="500" />
        <source>已登记异议。</source>
        <translation>Objection recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="507" />
        <source>%1 收到的异议</source>
        <translation>Objection received %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="515" />
        <source>决定异议：%1</source>
        <translation>Decide objection: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="516" />
        <source>异议(&amp;O)</source>
        <translation>&amp;Objection</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="516" />
        <source>处理结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="517" />
        <source>答复(&amp;A)</source>
        <translation>Repl&amp;y</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="518" />
        <source>已处理异议。</source>
        <translation>Objection decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/credit_tab.py" line="519" />
        <source>撤销列入的，该记录即为“已撤销”。</source>
        <translation>Annulling makes the listing 'annulled'.</translation>
    </message>
</context>
<context>
    <name>CultivationLedger</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="48" />
        <source>志愿服务时长</source>
        <translation>volunteer hours</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="49" />
        <source>导入志愿服务时长…</source>
        <translation>Import volunteer hours…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="50" />
        <source>导出志愿服务时长…</source>
        <translation>Export volunteer hours…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="51" />
        <source>导出志愿服务时长模板…</source>
        <translation>Export volunteer hours template…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="53" />
        <source>政府购买服务项目</source>
        <translation>purchased-service projects</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="54" />
        <source>导入政府购买服务项目…</source>
        <translation>Import purchased-service projects…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="55" />
        <source>导出政府购买服务项目…</source>
        <translation>Export purchased-service projects…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="56" />
        <source>导出政府购买服务项目模板…</source>
        <translation>Export purchased-service projects template…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="57" />
        <source>儿童服务站服务记录</source>
        <translation>station records</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="58" />
        <source>导入儿童服务站服务记录…</source>
        <translation>Import station records…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="59" />
        <source>导出儿童服务站服务记录…</source>
        <translation>Export station records…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="60" />
        <source>导出儿童服务站服务记录模板…</source>
        <translation>Export station records template…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="213" />
        <source>模板</source>
        <translation> template</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="239" />
        <source>已导出模板 %1</source>
        <translation>Template written to %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="241" />
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="250" />
        <source>培育台账</source>
        <translation>Cultivation sheets</translation>
    </message>
</context>
<context>
    <name>CultivationMenu</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/menu.py" line="19" />
        <source>培育工作台</source>
        <translation>Cultivation workbench</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/menu.py" line="21" />
        <source>培育(&amp;G)</source>
        <translation>Cultiv&amp;ation</translation>
    </message>
</context>
<context>
    <name>CultivationTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/tab.py" line="67" />
        <source>全部区县</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/tab.py" line="70" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
</context>
<context>
    <name>CultivationWorkbench</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="38" />
        <source>培育工作台</source>
        <extracomment>the tabs, in the window's order</extracomment>
        <translation>Cultivation workbench</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="54" />
        <source>孵化基地</source>
        <translation>Incubation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="54" />
        <source>政府购买服务</source>
        <translation>Purchased services</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="54" />
        <source>公益创投</source>
        <translation>Venture philanthropy</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="55" />
        <source>社区基金</source>
        <translation>Community funds</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="55" />
        <source>志愿服务</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/workbench.py" line="55" />
        <source>儿童服务站</source>
        <translation>Children's stations</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../civicdesk/ui/dashboard/charts.py" line="43" />
        <source>%1万</source>
        <extracomment>the parts' colours (a stack's first part darkest), readable on white and printed in grey</extracomment>
        <translation>%1M</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="55" />
        <source>登记社会组织</source>
        <extracomment>the charts, as services/dashboard.py SERIES (not imported here: that module imports SQLAlchemy) the order the figures are computed in on the worker: the cheapest first, so that a dashboard with nothing cached paints its first chart at once (the credit lists: one grouped read of an index, ~0.2 s at 1,000,000 organizations), then those that share the register's statistics (a read of the register's summary, 0.01 s there), the tiles (the cultivation figures, ~0.25 s, computed once for the tiles and the three charts after them), 参检率 last (~0.8 s of CPU: begun at once beside them on a thread of its own, ``Dashboard.start``) the register filter a register chart's click sets: (combo of the filter bar, code) per part, with the county</extracomment>
        <translation>Registered organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="55" />
        <source>社区社会组织</source>
        <translation>Community organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="55" />
        <source>每万人拥有社会组织</source>
        <translation>Organizations per 10,000 people</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="56" />
        <source>培育孵化基地</source>
        <translation>Incubation bases</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="56" />
        <source>政府购买服务</source>
        <translation>Purchased services</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="56" />
        <source>志愿服务队</source>
        <translation>Volunteer teams</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="57" />
        <source>社区基金</source>
        <translation>Community funds</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="57" />
        <source>儿童服务站</source>
        <translation>Children's stations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="57" />
        <source>儿童服务站服务人次</source>
        <translation>Children's station person-times</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="64" />
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="65" />
        <source>%1 万元</source>
        <translation>%1 million yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="75" />
        <source>个（存续）</source>
        <translation>existing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="76" />
        <source>个（登记、备案、指导管理）</source>
        <translation>registered, filed and guided</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="77" />
        <source>个 / 万人</source>
        <translation>per 10,000 people</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="78" />
        <source>个基地，%1 个社区园区；入驻 %2，出壳 %3</source>
        <translation>bases, %1 community parks; %2 admitted, %3 graduated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="80" />
        <source>%1 个项目</source>
        <translation>%1 projects</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="81" />
        <source>（%1 年以来）</source>
        <translation> (since %1)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="82" />
        <source>支</source>
        <translation>teams</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="83" />
        <source>个，规模 %1</source>
        <translation>funds, size %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="84" />
        <source>个</source>
        <translation>stations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="85" />
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="134" />
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="148" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="155" />
        <source>点击柱形（或用方向键选中后按回车）查看其背后的记录；右键（或菜单键）导出图片或 PDF 文件。</source>
        <translation>Click a bar (or pick it with the arrow keys and press Enter) to see the rows behind it; right-click (or the menu key) to export it as a PNG image or a PDF.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="234" />
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="413" />
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="235" />
        <source>（更新中…）</source>
        <translation> (updating…)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="255" />
        <source>（%1年度）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="258" />
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="324" />
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="331" />
        <source>导出为 PNG 图片</source>
        <translation>Export as PNG image</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="325" />
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="331" />
        <source>无法写入文件：%1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="333" />
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="348" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="338" />
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="339" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="373" />
        <source>共 %1 条</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="374" />
        <source>（只列出前 %1 条）</source>
        <translation> (only the first %1 listed)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/dashboard/panel.py" line="410" />
        <source>登记簿</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="44" />
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="45" />
        <source>复制数据库…</source>
        <translation>Copy the database…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="46" />
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="47" />
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="49" />
        <source>自动备份…</source>
        <translation>Scheduled backup…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="155" />
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="168" />
        <source>备份数据库</source>
        <translation>Back up the database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="167" />
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="172" />
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="176" />
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="199" />
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="204" />
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="173" />
        <source>CivicDesk 备份 (*.sqlite3 *.dump);;所有文件 (*)</source>
        <translation>CivicDesk backups (*.sqlite3 *.dump);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="177" />
        <source>恢复将用备份“%1”替换本数据库的全部数据，备份之后的更改都会丢失。确定恢复吗？</source>
        <translation>The restore replaces all the data of this database with the backup '%1': every change made since the backup is lost. Restore?</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="200" />
        <source>仍要恢复另一单位的备份吗？</source>
        <translation>Restore another office's backup all the same?</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="208" />
        <source>已从 %1 恢复</source>
        <translation>Restored from %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="237" />
        <source>自动备份</source>
        <translation>Scheduled backup</translation>
    </message>
</context>
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
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="257" />
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="258" />
        <source>用于培训和试用；正式建立登记簿时不要勾选。</source>
        <translation>For training and trying out; leave it unticked for a real register.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="259" />
        <source>载入乐山市演示数据（本单位份额）</source>
        <translation>Load the Leshan demo data (this office's share)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="262" />
        <source>演示数据是编造的登记记录：组织、人员、村（社区）和小区的名称都是虚构的，区县和乡镇是真实的。全市合计与乐山市民政局公布的2021年数字一致（截至2021年6月30日）：登记的社会组织1,831个，社区社会组织5,611个。市民政局载入全部记录，区县民政局只载入本单位登记或备案的那一部分。</source>
        <translation>The demo data are invented register records: the names of organizations, people, villages, communities and estates are fictitious; counties and townships are real. The city's totals match the figures the Leshan civil-affairs bureau published in 2021 (as of 30 June 2021): 1,831 registered social organizations and 5,611 community social organizations. The city bureau loads every record; a district or county bureau loads only what it registered or recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="282" />
        <source>本单位不在乐山市演示数据的范围内，不能载入演示数据。</source>
        <translation>This office is outside the Leshan demo data; the demo cannot be loaded.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="52" />
        <source>登记信息</source>
        <extracomment>the inspections the 监管 section lists, newest first the colour of a credit-list warning (the words say it too)</extracomment>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="53" />
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="71" />
        <source>选择一个组织查看详细信息。</source>
        <translation>Select an organization to see its details.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="101" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="101" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="122" />
        <source>现任</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="122" />
        <source>离任</source>
        <translation>former</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="133" />
        <source>来源单位</source>
        <translation>Origin office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="133" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="133" />
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="133" />
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="157" />
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="256" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="156" />
        <source>监管</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="156" />
        <source>年检</source>
        <translation>Annual inspections</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="156" />
        <source>评估等级</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="156" />
        <source>抽查</source>
        <translation>Spot checks</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="157" />
        <source>逾期报送</source>
        <translation>Received late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="168" />
        <source>%1，有效期 %2 至 %3</source>
        <translation>%1, valid from %2 to %3</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="174" />
        <source>已过期（%1，至 %2）</source>
        <translation>Expired (%1, until %2)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="175" />
        <source>未评估</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="178" />
        <source>待检查</source>
        <translation>not yet checked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="181" />
        <source>整改期限 %1，%2 已整改</source>
        <translation>to rectify by %1; rectified on %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="182" />
        <source>整改期限 %1，未整改</source>
        <translation>to rectify by %1; not yet rectified</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="188" />
        <source>信用名单</source>
        <translation>Credit lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="188" />
        <source>未列入</source>
        <translation>On none</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="191" />
        <source>监管记录…</source>
        <translation>Supervision record…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="206" />
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="208" />
        <source>培育发展</source>
        <translation>Cultivation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="208" />
        <source>孵化</source>
        <translation>Incubation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="208" />
        <source>政府购买服务</source>
        <translation>Purchased services</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="209" />
        <source>资助与表彰</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="209" />
        <source>社区基金</source>
        <translation>Community funds</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="209" />
        <source>在孵</source>
        <translation>in residence</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="213" />
        <source>志愿者 %1 人，服务活动 %2 次，服务时长 %3 小时</source>
        <translation>%1 volunteers, %2 activities, %3 hours of service</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="218" />
        <source>服务 %1 次，%2 人次</source>
        <translation>%1 service days, %2 person-times</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="244" />
        <source>累计筹集 %1 元，余额 %2 元</source>
        <translation>raised %1 yuan, balance %2 yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="259" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="259" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="259" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="259" />
        <source>收件日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="259" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="274" />
        <source>申请事项</source>
        <translation>Filings</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/detail_pane.py" line="274" />
        <source>变更记录</source>
        <translation>Field changes</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="76" />
        <source>按组织名称或统一社会信用代码筛选</source>
        <extracomment>lines of each report list painted before the whole lists are read the lists, in the grid's reading order, and the tab each one leads to the lists whose lines carry a bucket (已逾期, 今天, 本周, 以后) and a note</extracomment>
        <translation>Filter by organization name or credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="85" />
        <source>截止日</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="85" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="86" />
        <source>整改期限</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="86" />
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="86" />
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="87" />
        <source>组织类型</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="87" />
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="88" />
        <source>抽查计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="88" />
        <source>待办事项</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="88" />
        <source>举报内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="91" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="93" />
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="97" />
        <source>到期</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="124" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="124" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="124" />
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="125" />
        <source>以后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="137" />
        <source>逾期 %1 天</source>
        <translation>%1 d late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="138" />
        <source>%1 天</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="150" />
        <source>%1 天内到期的年检报告</source>
        <translation>Annual reports due within %1 days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="151" />
        <source>逾期未报的年检报告</source>
        <translation>Annual reports overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="152" />
        <source>即将到期的评估等级</source>
        <translation>Ratings expiring soon</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="153" />
        <source>逾期未整改的抽查</source>
        <translation>Checks past their rectification date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="154" />
        <source>信用名单</source>
        <translation>Credit lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="155" />
        <source>逾期未办结的举报投诉</source>
        <translation>Complaints overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/due_panel.py" line="182" />
        <source>截至 %1：共 %2 项需要处理</source>
        <translation>As of %1, items to attend to: %2</translation>
    </message>
</context>
<context>
    <name>EndFilingDialog</name>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="37" />
        <source>申请%1</source>
        <translation>Apply for %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="38" />
        <source>修改申请事项 %1：%2</source>
        <translation>Edit filing %1: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="43" />
        <source>如：经会员大会决议解散，清算完毕</source>
        <translation>e.g. dissolved by the general assembly, liquidation finished</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="44" />
        <source>如：连续两年未参加年度检查，依法撤销登记</source>
        <translation>e.g. no annual inspection for two years: registration revoked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="45" />
        <source>如：活动已停止，经成员会议决定退出</source>
        <translation>e.g. activities stopped; the members decided to withdraw</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="47" />
        <source>清算已完成（清算报告已备案）</source>
        <translation>Liquidation finished (report filed)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="54" />
        <source>材料名称，以顿号或逗号分隔</source>
        <translation>Documents, separated by commas</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="62" />
        <source>事由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="65" />
        <source>申请人：</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="66" />
        <source>申请材料：</source>
        <translation>Documents:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="68" />
        <source>提交申请</source>
        <translation>Submit filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="68" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/deregister_dialog.py" line="70" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnforcementTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="42" />
        <source>按组织名称或案号筛选</source>
        <extracomment>the penalties shown at once, before all of them</extracomment>
        <translation>Filter by organization or case number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="46" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="159" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="47" />
        <source>全部状态</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="50" />
        <source>全部处罚种类</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="60" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="107" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="61" />
        <source>约谈时间</source>
        <translation>Held at</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="62" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="63" />
        <source>约谈事项</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="64" />
        <source>整改期限</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="65" />
        <source>结果日期</source>
        <translation>Outcome on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="66" />
        <source>约谈结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="67" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="118" />
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="71" />
        <source>行政约谈(&amp;I)</source>
        <translation>&amp;Interviews</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="74" />
        <source>行政处罚(&amp;P)</source>
        <translation>&amp;Penalties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="94" />
        <source>立案…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="95" />
        <source>作出处罚决定…</source>
        <translation>Decide penalty…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="96" />
        <source>撤销处罚…</source>
        <translation>Withdraw penalty…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="97" />
        <source>登记约谈…</source>
        <translation>Record interview…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="98" />
        <source>录入约谈结果…</source>
        <translation>Record outcome…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="99" />
        <source>市局裁决…</source>
        <translation>City ruling…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="101" />
        <source>监管记录…</source>
        <translation>Supervision record…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="108" />
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="109" />
        <source>处罚种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="110" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="112" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="113" />
        <source>停止活动至</source>
        <translation>Suspended to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="114" />
        <source>决定书文号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="115" />
        <source>决定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="116" />
        <source>复议期限</source>
        <translation>Appeal by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="117" />
        <source>撤销登记申请</source>
        <translation>Revocation filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="119" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="150" />
        <source>正在读取全部行政处罚和约谈记录…</source>
        <translation>Reading every penalty and interview…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="176" />
        <source>行政处罚 %1 件（立案调查中 %2，已决定 %3）；行政约谈 %4 次，%5 次待录入结果</source>
        <translation>%1 penalties (%2 under investigation, %3 decided); %4 interviews, %5 awaiting their outcome</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="203" />
        <source>请先在上表选择一件处罚案件。</source>
        <translation>Select a penalty case in the upper table first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="207" />
        <source>只有立案调查中的案件可以作出处罚决定。</source>
        <translation>Only a case under investigation can be decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="209" />
        <source>只有已决定的处罚可以撤销。</source>
        <translation>Only a decided penalty can be withdrawn.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="211" />
        <source>请先在下表选择一次约谈。</source>
        <translation>Select an interview in the lower table first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="212" />
        <source>这次约谈的结果已经录入。</source>
        <translation>The outcome of this interview is already recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="214" />
        <source>请先选择一件案件或一次约谈。</source>
        <translation>Select a case or an interview first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="249" />
        <source>市局裁决：%1</source>
        <translation>City ruling: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="260" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="285" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="269" />
        <source>统一社会信用代码（或组织 id）</source>
        <translation>Credit code (or organization id)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="283" />
        <source>罚款或没收违法所得的金额，元</source>
        <translation>Amount of the fine or confiscation, yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="289" />
        <source>如：《社会团体登记管理条例》第三十条第一款第（三）项</source>
        <translation>e.g. Regulations on Social Groups, art. 30(1)(iii)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="309" />
        <source>立案</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="310" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="379" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="311" />
        <source>案号(&amp;N)</source>
        <translation>Case &amp;no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="312" />
        <source>处罚种类(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="313" />
        <source>金额（元）(&amp;A)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="314" />
        <source>停止活动自(&amp;F)</source>
        <translation>Suspended &amp;from</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="315" />
        <source>停止活动至(&amp;T)</source>
        <translation>Suspended &amp;to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="316" />
        <source>违法事实(&amp;S)</source>
        <translation>Fact&amp;s</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="317" />
        <source>处罚依据(&amp;B)</source>
        <translation>Legal &amp;basis</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="318" />
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="386" />
        <source>由举报投诉引起(&amp;C)</source>
        <translation>From &amp;complaint</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="319" />
        <source>由约谈引起(&amp;I)</source>
        <translation>From &amp;interview</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="320" />
        <source>已立案，待审核人员作出处罚决定。</source>
        <translation>Case opened; a reviewer decides the penalty.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="321" />
        <source>立案后该组织处于“立案调查中”；处罚决定须由立案人以外的审核人员作出。</source>
        <translation>Once the case is opened the organization is under investigation; the penalty is decided by a reviewer other than whoever opened the case.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="329" />
        <source>处罚决定书文号（必填）</source>
        <translation>Number of the penalty decision (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="335" />
        <source>案号 %1，%2。</source>
        <translation>Case %1, %2.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="337" />
        <source>金额 %1 元。</source>
        <translation>Amount: %1 yuan.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="338" />
        <source>复议期限自决定日起算。</source>
        <translation>The appeal period runs from the decision date.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="341" />
        <source>作出撤销登记的处罚决定，将同时提交一件撤销登记申请，进入审核队列，由审核人员审核后才撤销登记。</source>
        <translation>Deciding a revocation also submits a revocation filing to the review queue: the registration is revoked only when a reviewer approves it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="343" />
        <source>作出处罚决定：%1</source>
        <translation>Decide penalty: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="344" />
        <source>文号(&amp;N)</source>
        <translation>Decision &amp;number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="345" />
        <source>决定日期(&amp;D)</source>
        <translation>&amp;Decided on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="345" />
        <source>已作出处罚决定。</source>
        <translation>Penalty decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="358" />
        <source>撤销处罚：%1</source>
        <translation>Withdraw penalty: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="359" />
        <source>撤销理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="359" />
        <source>已撤销处罚。</source>
        <translation>Penalty withdrawn.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="361" />
        <source>案号 %1，决定书 %2。</source>
        <translation>Case %1, decision %2.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="370" />
        <source>如 2026-11-20 09:30</source>
        <translation>e.g. 2026-11-20 09:30</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="378" />
        <source>登记约谈</source>
        <translation>Record interview</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="380" />
        <source>约谈时间(&amp;W)</source>
        <translation>&amp;When</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="381" />
        <source>地点(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="382" />
        <source>参加人员(&amp;A)</source>
        <translation>P&amp;articipants</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="383" />
        <source>约谈事项(&amp;S)</source>
        <translation>I&amp;ssues</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="384" />
        <source>整改要求(&amp;R)</source>
        <translation>&amp;Rectification required</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="385" />
        <source>整改期限(&amp;B)</source>
        <translation>Rectify &amp;by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="387" />
        <source>已登记约谈。</source>
        <translation>Interview recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="388" />
        <source>整改要求和整改期限同时填写或同时不填。</source>
        <translation>Fill in both the rectification required and its date, or neither.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="401" />
        <source>录入约谈结果：%1</source>
        <translation>Interview outcome: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="402" />
        <source>约谈结果(&amp;R)</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="403" />
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="403" />
        <source>已录入约谈结果。</source>
        <translation>Interview outcome recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/enforcement_tab.py" line="405" />
        <source>约谈事项：%1</source>
        <translation>Issues: %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="81" />
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="128" />
        <source>选择台账</source>
        <translation>Choose a ledger</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="82" />
        <source>选择要导入的 Excel 台账（.xlsx）或 CSV 文件（UTF-8 或 GBK）。表头上方的标题行、合计行和空行会自动跳过。</source>
        <translation>Choose the Excel ledger (.xlsx) or CSV file (UTF-8 or GBK) to import. Title rows above the header, total rows and blank rows are skipped.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="86" />
        <source>台账文件</source>
        <translation>Ledger file</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="87" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="95" />
        <source>登记簿台账</source>
        <translation>Register ledger</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="96" />
        <source>年检结果表</source>
        <translation>Inspection results sheet</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="101" />
        <source>年检年度</source>
        <translation>Inspection year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="103" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="76" />
        <source>申请事项</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="116" />
        <source>事项类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="116" />
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="181" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="116" />
        <source>组织</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="117" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="117" />
        <source>收件日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="118" />
        <source>材料齐全日期</source>
        <translation>Complete on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="118" />
        <source>办理期限</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="119" />
        <source>起草人</source>
        <translation>Drafted by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="119" />
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="120" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="120" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="120" />
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="182" />
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="127" />
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="144" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="144" />
        <source>起草时的值</source>
        <translation>When drafted</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="144" />
        <source>现值</source>
        <translation>Now in the register</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="145" />
        <source>申请变更为</source>
        <translation>Applied for</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="154" />
        <source>申请事项内容（与登记簿现状对照）</source>
        <translation>What the filing asks for (against the register now)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="158" />
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="163" />
        <source>显示完整身份证号码和电话（记入审计）</source>
        <translation>Show full ID and phone numbers (recorded in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="164" />
        <source>身份证号码和电话已隐去部分数字：您无权查看完整号码。</source>
        <translation>ID and phone numbers are partly hidden: you have no right to see them in full.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="177" />
        <source>申请材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="181" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="181" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="181" />
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="189" />
        <source>办理过程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="200" />
        <source>审查意见；不予或退回补正时必须写明理由</source>
        <translation>Review comment; a reason is required to reject or return</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="204" />
        <source>准予或不予决定的文号（可不填，默认用申请编号）</source>
        <translation>Document no. of the decision (optional; the filing number by default)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="206" />
        <source>意见：</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="207" />
        <source>文号：</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="220" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="220" />
        <source>开始审查</source>
        <translation>Start review</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="220" />
        <source>准予</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="221" />
        <source>不予</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="221" />
        <source>退回补正</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="221" />
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="224" />
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="239" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="256" />
        <source>申请事项 %1</source>
        <translation>Filing %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="260" />
        <source>（历史档案录入）</source>
        <translation> (legacy record)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="278" />
        <source>（未登记材料）</source>
        <translation>(no documents listed)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="315" />
        <source>%1（已逾期 %2 天）</source>
        <translation>%1 (%2 days overdue)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="316" />
        <source>%1（剩 %2 天）</source>
        <translation>%1 (%2 days left)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="346" />
        <source>起草后登记簿中的值已改变</source>
        <translation>The register changed after the filing was drafted</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="350" />
        <source>起草后“%1”的登记信息已被修改（标黄的现值与起草时不同）：不能按原申请核准，请退回经办人按现状重新核对。</source>
        <translation>'%1' changed after this filing was drafted (values in yellow differ): it cannot be approved as it stands; return it for correction.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="373" />
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="391" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="376" />
        <source>当前状态为“%1”，不能办理此操作。</source>
        <translation>The filing is '%1': this action is not possible.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="379" />
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="396" />
        <source>只读</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="380" />
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="397" />
        <source>您的角色（%1）无权办理此操作。</source>
        <translation>Your role (%1) may not do this.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="393" />
        <source>只有草稿或退回补正的申请事项可以修改。</source>
        <translation>Only a draft or a filing returned for correction can be edited.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="410" />
        <source>修改申请内容，保存后再提交</source>
        <translation>Correct what the filing asks for; save, then submit it again</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="463" />
        <source>已修改。核对无误后请点“提交”。</source>
        <translation>Edited. Check it, then click "Submit".</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_dialog.py" line="476" />
        <source>已%1。</source>
        <translation>Done: %1.</translation>
    </message>
</context>
<context>
    <name>FilingMenus</name>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="37" />
        <source>审查队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="38" />
        <source>新建成立登记申请…</source>
        <translation>New establishment filing…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="39" />
        <source>申请变更登记…</source>
        <translation>Apply for a change…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="40" />
        <source>申请注销登记…</source>
        <translation>Apply for deregistration…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="41" />
        <source>申请撤销登记…</source>
        <translation>Apply for revocation…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="42" />
        <source>申请层级转换…</source>
        <translation>Apply for tier conversion…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="43" />
        <source>申请注销备案/退出指导…</source>
        <translation>Apply for withdrawal of filing or guidance…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="45" />
        <source>申请事项(&amp;A)</source>
        <translation>&amp;Filings</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="57" />
        <source>用户管理…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="58" />
        <source>审计记录…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="59" />
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="60" />
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="61" />
        <source>登录…</source>
        <translation>Log in…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="62" />
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="110" />
        <source>只有登记的社会组织可以申请注销登记或撤销登记。</source>
        <translation>Only registered organizations can be deregistered or revoked.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="112" />
        <source>只有乡镇（街道）备案或纳入村（社区）指导管理的社区社会组织可以申请层级转换。</source>
        <translation>Only community organizations filed with a township or guided by a village (community) can change tier.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="114" />
        <source>只有乡镇（街道）备案或纳入村（社区）指导管理的社区社会组织可以注销备案或退出指导。</source>
        <translation>Only community organizations filed with a township or guided by a village (community) can end their filing or guidance.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="128" />
        <source>当前用户：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="131" />
        <source>只读：未登录（系统 → 登录…）</source>
        <translation>Read-only: not logged in (System → Log in…)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="137" />
        <source>未登录时不能修改、打印或导出数据。</source>
        <translation>Without a login nothing can be changed, printed or exported.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="139" />
        <source> — 只读（未登录）</source>
        <translation> — read-only (not logged in)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="145" />
        <source>只读：未登录。请从“系统 → 登录…”登录。</source>
        <translation>Read-only: not logged in. Log in with System → Log in….</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="151" />
        <source>您的角色（%1）无权办理此事项。</source>
        <translation>Your role (%1) may not do this.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="155" />
        <source>请先在登记簿中选择一个组织。</source>
        <translation>Select an organization in the register first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="157" />
        <source>所选组织已注销或被撤销登记。</source>
        <translation>The selected organization is deregistered or revoked.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="173" />
        <source>未登录：数据库以只读方式打开。要修改数据，请从“系统”菜单登录。</source>
        <translation>Not logged in: the database is open read-only. To change data, log in from the System menu.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="179" />
        <source>已提交申请事项 %1，待审核人员审查；准予后登记簿才会改变。</source>
        <translation>Filing %1 submitted for review; the register changes once it is approved.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="203" />
        <source>申请变更登记</source>
        <translation>Apply for a change</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="221" />
        <source>申请层级转换</source>
        <translation>Apply for tier conversion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="267" />
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>Password changed; use the new one next time.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/filing_menus.py" line="283" />
        <source>已登录：%1</source>
        <translation>Logged in: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="40" />
        <source>检索：名称、住所、法定代表人、信用代码、拼音（如 lnxh）</source>
        <extracomment>the least width of a filter choice (px): its first letters and the arrow</extracomment>
        <translation>Search: name, address, legal representative, credit code, pinyin (e.g. lnxh)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="43" />
        <source>检索：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="46" />
        <source>全部组织类型</source>
        <translation>All legal forms</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="47" />
        <source>全部层级</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="48" />
        <source>全部社区类别</source>
        <translation>All community subtypes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="49" />
        <source>全部行业类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="51" />
        <source>存续（含停止活动、清算中）</source>
        <translation>Existing (incl. suspended, in liquidation)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="52" />
        <source>全部状态</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="56" />
        <source>全部区县</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="60" />
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="126" />
        <source>全部乡镇（街道）</source>
        <translation>All townships</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="63" />
        <source>全部来源单位</source>
        <translation>All origin offices</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="71" />
        <source>全部年检结论</source>
        <translation>All inspection results</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="73" />
        <source>%1年度：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="75" />
        <source>%1年度：未年检</source>
        <translation>%1: not inspected</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="76" />
        <source>上年度年检结论（以作出结论的年检为准）</source>
        <translation>Last year's annual inspection (decided ones only)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="79" />
        <source>全部评估等级</source>
        <translation>All ratings</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="80" />
        <source>有评估等级（有效期内）</source>
        <translation>Rated (in force)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="83" />
        <source>未评估或已过期</source>
        <translation>Not rated or expired</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="84" />
        <source>评估等级：只算有效期内的等级</source>
        <translation>Rating: only a grade still in force counts</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="87" />
        <source>全部信用状况</source>
        <translation>Any credit status</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="88" />
        <source>已列入信用名单（任一）</source>
        <translation>On a credit list (either)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="89" />
        <source>已列入活动异常名录</source>
        <translation>On the abnormal list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="90" />
        <source>已列入严重违法失信名单</source>
        <translation>On the serious list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="91" />
        <source>未列入信用名单</source>
        <translation>On no credit list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="92" />
        <source>信用状况：现列入的信用名单</source>
        <translation>Credit status: the credit list it is on now</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/filter_bar.py" line="94" />
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="474" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="475" />
        <source>正在建立本单位的登记簿，请稍候。</source>
        <translation>Creating this office's register, please wait.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="500" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="500" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="501" />
        <source>载入本单位份额</source>
        <translation>Load this office's share</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="501" />
        <source>不载入</source>
        <translation>Do not load</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="502" />
        <source>本单位：%1 %2（%3）
演示数据：%4</source>
        <translation>This office: %1 %2 (%3)
Demo data: %4</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="522" />
        <source>正在设定本单位并载入参考数据…</source>
        <translation>Setting up this office and loading the reference data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="532" />
        <source>已设定本单位：%1 %2。</source>
        <translation>This office is set up: %1 %2.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="534" />
        <source>正在创建管理员账户…</source>
        <translation>Creating the administrator account…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="550" />
        <source>已创建管理员账户：%1。</source>
        <translation>Administrator account created: %1.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="553" />
        <source>正在创建审核和经办人员账户…</source>
        <translation>Making the reviewer and clerk accounts…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="575" />
        <source>已创建审核人员账户：%1。</source>
        <translation>Reviewer account made: %1.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="575" />
        <source>已创建经办人员账户：%1。</source>
        <translation>Clerk account made: %1.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="582" />
        <source>正在生成并载入演示数据…</source>
        <translation>Generating and loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="593" />
        <source>演示数据此前已载入，未重复载入。</source>
        <translation>The demo data was loaded before; nothing was added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="596" />
        <source>已载入 %1 个组织、%2 名人员、%3 个村（社区）。</source>
        <translation>Loaded %1 organizations, %2 people, %3 villages/communities.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="601" />
        <source>登记簿默认只显示存续的组织，已注销或撤销的不计入其“共 N 个组织”，可在“筛选”中选择状态查看。</source>
        <translation>The register shows the existing organizations by default: deregistered or revoked ones are not in its count; choose a status under Filter to see them.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="618" />
        <source>设置完成。</source>
        <translation>Set-up complete.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="619" />
        <source>本单位的登记簿已建立。</source>
        <translation>This office's register has been created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="620" />
        <source>点击“完成”开始使用。</source>
        <translation>Click Finish to start.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="627" />
        <source>设置未完成。</source>
        <translation>Set-up not complete.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="628" />
        <source>出现问题，请返回检查后重试。</source>
        <translation>Something went wrong; go back, check and try again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="630" />
        <source>出错：%1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>FourEyes</name>
    <message>
        <location filename="../../civicdesk/ui/filings/four_eyes.py" line="24" />
        <source>起草人、提交人不能审查本申请：须由另一名审核人员审查（双人复核）。</source>
        <extracomment>the states in which a filing waits for a decision (filings.TRANSITIONS of approve, reject, return)</extracomment>
        <translation>The drafter or submitter cannot review this filing: another reviewer must review it (four eyes).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/four_eyes.py" line="34" />
        <source>只读</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/four_eyes.py" line="35" />
        <source>您的角色（%1）不能审查申请事项：须由审核人员或管理员审查。</source>
        <translation>Your role (%1) cannot review filings: a reviewer or an administrator must review it.</translation>
    </message>
</context>
<context>
    <name>FundsTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="33" />
        <source>按基金名称、社区或持有方筛选</source>
        <translation>Filter by fund, community or holder</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="34" />
        <source>收支明细(&amp;E)</source>
        <translation>&amp;Entries</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="35" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="36" />
        <source>收支</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="36" />
        <source>捐入</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="37" />
        <source>资助支出</source>
        <translation>Grant</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="38" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="39" />
        <source>捐赠方或受助方</source>
        <translation>Contributor or recipient</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="40" />
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="41" />
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="42" />
        <source>新建基金…</source>
        <translation>New fund…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="43" />
        <source>捐入…</source>
        <translation>Contribution…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="44" />
        <source>资助支出…</source>
        <translation>Grant…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="48" />
        <source>基金名称</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="49" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="50" />
        <source>持有方</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="51" />
        <source>设立日期</source>
        <translation>Founded</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="52" />
        <source>累计筹集（元）</source>
        <translation>Raised (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="53" />
        <source>累计支出（元）</source>
        <translation>Granted (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="54" />
        <source>余额（元）</source>
        <translation>Balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="63" />
        <source>社区基金 %1 个，累计筹集 %2 元，余额 %3 元。</source>
        <translation>Funds: %1; raised %2 yuan, balance %3 yuan.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="75" />
        <source>请先选择一个社区基金。</source>
        <translation>Select a community fund first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="91" />
        <source>社区（居委会）的区划代码，12 位</source>
        <translation>The community's division code, 12 digits</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="92" />
        <source>持有基金会的统一社会信用代码；不在名录中的填下一栏</source>
        <translation>The holding foundation's credit code; one not in the register: the next field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="99" />
        <source>新建社区基金</source>
        <translation>New community fund</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="100" />
        <source>基金名称(&amp;N)</source>
        <translation>Fund &amp;name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="101" />
        <source>社区(&amp;C)</source>
        <translation>&amp;Community</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="102" />
        <source>持有方（名录中的组织）(&amp;H)</source>
        <translation>&amp;Holder (in the register)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="103" />
        <source>持有方名称(&amp;M)</source>
        <translation>Holder's na&amp;me</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="104" />
        <source>设立日期(&amp;D)</source>
        <translation>Founded on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="104" />
        <source>已新建社区基金。</source>
        <translation>Community fund created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="121" />
        <source>捐入：%1</source>
        <translation>Contribution: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="121" />
        <source>资助支出：%1</source>
        <translation>Grant: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="123" />
        <source>金额（元）(&amp;A)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="124" />
        <source>捐赠方(&amp;P)</source>
        <translation>Contributor (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="124" />
        <source>受助方(&amp;P)</source>
        <translation>&amp;Recipient</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="125" />
        <source>用途(&amp;U)</source>
        <translation>P&amp;urpose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="126" />
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="127" />
        <source>已登记捐入。</source>
        <translation>Contribution recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="127" />
        <source>已登记资助支出。</source>
        <translation>Grant recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/funds_tab.py" line="131" />
        <source>余额 %1 元。</source>
        <translation>Balance %1 yuan.</translation>
    </message>
</context>
<context>
    <name>HoursTable</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/forms.py" line="56" />
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/forms.py" line="56" />
        <source>服务时长（小时）</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="340" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="345" />
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="360" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="380" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="390" />
        <source>有 %1 行不合格，未导入。请返回查看。</source>
        <translation>%1 row(s) are invalid; nothing was imported. Go back to see them.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="400" />
        <source>不合格行已另存为 %1</source>
        <translation>Rejected rows saved to %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="419" />
        <source>导入已取消，数据库未作任何改动。</source>
        <translation>Import cancelled; the database is unchanged.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="435" />
        <source>导入台账</source>
        <translation>Import a ledger</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="446" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="447" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>IncubationTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="29" />
        <source>按基地名称或运营方筛选</source>
        <translation>Filter by base or operator</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="32" />
        <source>入驻组织(&amp;R)</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="33" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="34" />
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="35" />
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="36" />
        <source>入驻日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="37" />
        <source>出壳日期</source>
        <translation>Graduated on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="38" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="41" />
        <source>服务次数</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="43" />
        <source>所选组织获得的服务(&amp;S)</source>
        <translation>&amp;Services to the selected resident</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="44" />
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="45" />
        <source>服务日期</source>
        <translation>Served on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="46" />
        <source>截止日期</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="47" />
        <source>服务内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="51" />
        <source>新建基地…</source>
        <translation>New base…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="52" />
        <source>入驻…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="53" />
        <source>出壳或退出…</source>
        <translation>Graduate or leave…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="54" />
        <source>登记服务…</source>
        <translation>Record a service…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="55" />
        <source>显示电话</source>
        <translation>Show phones</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="59" />
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="71" />
        <source>在孵</source>
        <translation>In residence</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="63" />
        <source>基地名称</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="64" />
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="65" />
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="67" />
        <source>运营方</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="68" />
        <source>启用日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="69" />
        <source>累计入驻</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="70" />
        <source>出壳</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="82" />
        <source>基地 %1 个（其中孵化园 %2 个），累计入驻 %3 个，出壳 %4 个，在孵 %5 个。</source>
        <translation>Bases: %1 (of which parks: %2); admitted %3, graduated %4, in residence %5.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="107" />
        <source>请先选择一个孵化基地。</source>
        <translation>Select an incubation base first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="108" />
        <source>请先在下表选择一个入驻组织。</source>
        <translation>Select a resident in the table below first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="109" />
        <source>这个组织已经出壳或退出。</source>
        <translation>This resident has graduated or left.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="115" />
        <source>电话已显示。</source>
        <translation>Phones are shown.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="129" />
        <source>已显示电话（已记入审计日志）。</source>
        <translation>Phones shown (recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="136" />
        <source>（不填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="143" />
        <source>运营组织的统一社会信用代码；不在名录中的填下一栏</source>
        <translation>The operator's USCC; one not in the register: the next field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="156" />
        <source>新建孵化基地</source>
        <translation>New incubation base</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="157" />
        <source>基地名称(&amp;N)</source>
        <translation>Base &amp;name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="158" />
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="159" />
        <source>层级(&amp;L)</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="161" />
        <source>所在区县(&amp;V)</source>
        <translation>Di&amp;vision</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="162" />
        <source>所在乡镇（街道）(&amp;T)</source>
        <translation>&amp;Township (sub-district)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="163" />
        <source>运营方（名录中的组织）(&amp;O)</source>
        <translation>&amp;Operator (an organization of the register)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="164" />
        <source>运营方名称(&amp;M)</source>
        <translation>Operator's na&amp;me</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="165" />
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="166" />
        <source>启用日期(&amp;D)</source>
        <translation>Opened on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="166" />
        <source>已新建孵化基地。</source>
        <translation>Incubation base created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="169" />
        <source>孵化园和乡镇（街道）级基地须选所在乡镇（街道）。</source>
        <translation>A park or a township base needs its township (sub-district).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="177" />
        <source>统一社会信用代码；未登记的填下面三栏</source>
        <translation>USCC; for one not registered, fill in the next three</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="189" />
        <source>入驻：%1</source>
        <translation>Admit to: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="190" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="191" />
        <source>组织名称（未登记）(&amp;N)</source>
        <translation>&amp;Name (not registered)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="192" />
        <source>联系人(&amp;C)</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="193" />
        <source>联系电话(&amp;P)</source>
        <translation>Contact &amp;phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="194" />
        <source>入驻日期(&amp;D)</source>
        <translation>Admitted on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="194" />
        <source>已登记入驻。</source>
        <translation>Admission recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="205" />
        <source>登记或备案后的统一社会信用代码（可不填）</source>
        <translation>USCC once registered or filed (optional)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="220" />
        <source>出壳或退出：%1</source>
        <translation>Graduate or leave: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="221" />
        <source>结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="223" />
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="224" />
        <source>关联登记的组织(&amp;O)</source>
        <translation>Link to registered &amp;organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="224" />
        <source>已登记出壳或退出。</source>
        <translation>Graduation or leaving recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="226" />
        <source>%1 入驻。已登记、已备案为出壳；中途退出不计出壳。</source>
        <translation>Admitted on %1. Registered or filed is a graduation; leaving is not.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="239" />
        <source>登记服务：%1</source>
        <translation>Record a service: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="240" />
        <source>服务(&amp;K)</source>
        <translation>Service (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="242" />
        <source>服务日期(&amp;D)</source>
        <translation>Served on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="243" />
        <source>截止日期（办公场地）(&amp;U)</source>
        <translation>&amp;Until (office space)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="244" />
        <source>服务内容(&amp;C)</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/incubation_tab.py" line="244" />
        <source>已登记服务。</source>
        <translation>Service recorded.</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="54" />
        <source>年度(&amp;Y)</source>
        <extracomment>records painted before the whole list is read (the first screens of a city's hundreds of thousands)</extracomment>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="59" />
        <source>开始本年度年检</source>
        <translation>Open this year's inspection</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="71" />
        <source>全市（含各区县）</source>
        <translation>Whole city (all offices)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="73" />
        <source>按登记管理机关汇总本库中全市各单位本年度的参检率（只读）</source>
        <translation>The year's participation rate of every office whose records this database holds, per registry (read only)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="81" />
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="84" />
        <source>全部结论</source>
        <translation>All conclusions</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="87" />
        <source>只看逾期报送</source>
        <translation>Only late reports</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="92" />
        <source>录入年报…</source>
        <translation>Enter report…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="93" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="94" />
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="95" />
        <source>作出结论…</source>
        <translation>Conclude…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="96" />
        <source>改变结论…</source>
        <translation>Revise conclusion…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="110" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="111" />
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="324" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="112" />
        <source>组织类型</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="113" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="115" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="116" />
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="133" />
        <source>逾期报送</source>
        <translation>Received late</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="117" />
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="119" />
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="120" />
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="121" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="127" />
        <source>登记管理机关</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="128" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="129" />
        <source>应检</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="129" />
        <source>已报送</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="130" />
        <source>已作结论</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="131" />
        <source>参检率</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="132" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="132" />
        <source>基本合格</source>
        <translation>Basic pass</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="133" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="193" />
        <source>%1年度全市各单位均未开始年检。</source>
        <translation>No office in the city has opened the inspection of %1.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="198" />
        <source>全市%1年度年检（%2 个单位）：应检 %3，已报送 %4，已作结论 %5，参检率 %6；合格 %7，基本合格 %8，不合格 %9，逾期报送 %10</source>
        <translation>Whole city, inspection of %1 (%2 offices): due %3, received %4, concluded %5, participation %6; pass %7, basic pass %8, fail %9, late %10</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="203" />
        <source>共 %1 个登记管理机关</source>
        <translation>%1 registries</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="236" />
        <source>%1年度尚未开始年检。</source>
        <translation>No inspection of %1 yet.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="241" />
        <source>进行中</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="241" />
        <source>已结束</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="246" />
        <source>%1年度年检（%2）：应检 %3，已报送 %4，已作结论 %5，参检率 %6；合格 %7，基本合格 %8，不合格 %9，逾期报送 %10</source>
        <translation>Inspection of %1 (%2): due %3, received %4, concluded %5, participation %6; pass %7, basic pass %8, fail %9, late %10</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="254" />
        <source>共 %1 份年报</source>
        <translation>Reports: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="263" />
        <source>本年度年检尚未开始或已结束。</source>
        <translation>This year's inspection is not open.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="265" />
        <source>请先选择一份年报。</source>
        <translation>Select a report first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="271" />
        <source>已提交或已作结论的年报不能修改。</source>
        <translation>A report submitted or concluded cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="273" />
        <source>只有草稿或已退回的年报可以提交。</source>
        <translation>Only a draft or returned report can be submitted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="277" />
        <source>只有待审核的年报可以退回或作出结论。</source>
        <translation>Only a submitted report can be returned or concluded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="280" />
        <source>只有已作结论的年报可以改变结论。</source>
        <translation>Only a decided report's conclusion can be revised.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="282" />
        <source>全市汇总只供查看：录入、提交和作出结论请取消“全市（含各区县）”，在本单位的年检中进行。</source>
        <translation>The whole-city figures are read only: to record, submit or decide, clear "Whole city (all offices)" and work in this office's own campaign.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="299" />
        <source>已开始%1年度年检。</source>
        <translation>Inspection of %1 opened.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="329" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="332" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="336" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="337" />
        <source>收到日期(&amp;D)</source>
        <translation>Received &amp;on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="338" />
        <source>收到的材料(&amp;M)</source>
        <translation>&amp;Materials received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="340" />
        <source>收入(&amp;I)</source>
        <translation>&amp;Income</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="341" />
        <source>支出(&amp;E)</source>
        <translation>&amp;Expenditure</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="342" />
        <source>年末净资产(&amp;A)</source>
        <translation>Net &amp;assets at year end</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="343" />
        <source>工作人员数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="344" />
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="345" />
        <source>开展活动次数</source>
        <translation>Activities held</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="347" />
        <source>业务主管单位初审意见</source>
        <translation>Sponsor's preliminary opinion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="348" />
        <source>初审日期</source>
        <translation>Opinion dated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="349" />
        <source>初审说明</source>
        <translation>Sponsor's note</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="358" />
        <source>录入年报：%1</source>
        <translation>Annual report: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="358" />
        <source>录入年报</source>
        <translation>Enter an annual report</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="359" />
        <source>已保存年报。</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="367" />
        <source>已提交，待另一名审核人员作出结论。</source>
        <translation>Submitted: another reviewer gives the conclusion.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="375" />
        <source>退回年报：%1</source>
        <translation>Return the report: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="376" />
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="398" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="379" />
        <source>已退回。</source>
        <translation>Returned.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="395" />
        <source>业务主管单位初审意见：%1</source>
        <translation>Sponsor's preliminary opinion: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="396" />
        <source>作出年检结论：%1</source>
        <translation>Conclusion: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="397" />
        <source>结论(&amp;C)</source>
        <translation>&amp;Conclusion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="399" />
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="421" />
        <source>文号(&amp;N)</source>
        <translation>Decision &amp;number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="399" />
        <source>已作出年检结论。</source>
        <translation>Conclusion given.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="416" />
        <source>现结论：%1</source>
        <translation>Conclusion now: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="417" />
        <source>改变年检结论：%1</source>
        <translation>Revise the inspection conclusion: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="418" />
        <source>新结论(&amp;C)</source>
        <translation>New &amp;conclusion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="419" />
        <source>改变理由(&amp;W)</source>
        <translation>Reason for the change (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="420" />
        <source>结论理由(&amp;R)</source>
        <translation>&amp;Reasons of the conclusion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/inspection_tab.py" line="421" />
        <source>已改变年检结论。</source>
        <translation>Inspection conclusion revised.</translation>
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
    <name>LedgerActions</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="470" />
        <source>导出名录</source>
        <translation>Export register</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="470" />
        <source>社会组织名录.xlsx</source>
        <translation>register.xlsx</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="476" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="479" />
        <source>已导出 %1 个组织到 %2</source>
        <translation>Exported %1 organizations to %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="489" />
        <source>导出导入模板</source>
        <translation>Export import template</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="489" />
        <source>社会组织台账模板.xlsx</source>
        <translation>ledger-template.xlsx</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="495" />
        <source>已导出模板 %1</source>
        <translation>Template written to %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="54" />
        <source>导入台账…</source>
        <extracomment>the register's column count when a saved header state did not say it (before the supervision columns)</extracomment>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="55" />
        <source>导出名录…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="56" />
        <source>导出导入模板…</source>
        <translation>Export import template…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="129" />
        <source>登录 CivicDesk</source>
        <translation>Log in to CivicDesk</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="144" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="145" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="147" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="149" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="200" />
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="204" />
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../civicdesk/ui/fast_start.py" line="75" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="164" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="165" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="166" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="167" />
        <source>连接服务器…</source>
        <translation>Connect to server…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="169" />
        <source>最近打开</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="172" />
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="180" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="184" />
        <source>同步…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="191" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="194" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="195" />
        <source>新建组织…</source>
        <translation>New organization…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="197" />
        <source>查看所选组织</source>
        <translation>Open the selected organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="202" />
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="205" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="206" />
        <source>显示的列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="208" />
        <location filename="../../civicdesk/ui/main_window.py" line="494" />
        <source>统计摘要</source>
        <translation>Statistics summary</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="209" />
        <location filename="../../civicdesk/ui/main_window.py" line="225" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="225" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="345" />
        <location filename="../../civicdesk/ui/main_window.py" line="373" />
        <source>共 %1 个组织</source>
        <translation>%1 organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="375" />
        <source>（另有 %1 个已注销或撤销，未显示）</source>
        <translation> (%1 more deregistered or revoked, not shown)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="378" />
        <source>市局登记 %1 个</source>
        <translation>%1 by the city bureau</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="378" />
        <source>区县登记 %1 个</source>
        <translation>%1 by the counties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="379" />
        <source>；本单位登记 %1 个，</source>
        <translation>; %1 registered by this office, </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="380" />
        <source>市民政局登记、住所在本区县的组织随市局的同步包到达，也列在本单位的登记簿中。</source>
        <translation>Organizations the city bureau registered that are located in this county arrive with the city's sync packages and are listed in this register too.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="452" />
        <source>正在载入演示数据…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="458" />
        <source>演示数据已载入，未重复载入。</source>
        <translation>The demo data is already loaded; nothing was added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="460" />
        <source>已载入演示数据：%1 个组织</source>
        <translation>Demo data loaded: %1 organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="478" />
        <source>%1年户籍人口 %2</source>
        <translation>%1 registered (hukou) population %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="478" />
        <source>%1年常住人口 %2</source>
        <translation>%1 resident population %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="481" />
        <source>登记社会组织 {n} 个（社会团体 {sg}，民办非企业单位 {ss}，基金会 {fd}）。
社区社会组织 {ct} 个：登记 {cr}，乡镇（街道）备案 {cf}，纳入村（社区）指导管理 {cg}。
每万人拥有社会组织 {d} 个（{basis}）。</source>
        <translation>{n} registered social organizations ({sg} social groups, {ss} social service organizations, {fd} foundations).
{ct} community social organizations: {cr} registered, {cf} filed with townships, {cg} under village/community guidance.
{d} social organizations per 10,000 people ({basis}).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="491" />
        <source>登记簿中存续的组织：本单位登记 %1 个，市局登记 %2 个（住所在本区县、由市局登记，随市局的同步包到达）。</source>
        <translation>Existing organizations in the register: %1 registered by this office, %2 by the city bureau (located in this county, registered by the city, arrived with the city's sync packages).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="492" />
        <source>登记簿中存续的组织：本单位登记 %1 个，区县登记 %2 个。</source>
        <translation>Existing organizations in the register: %1 registered by this office, %2 by the counties.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="511" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="520" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="522" />
        <source>尚未打开过其他数据库：请用“打开数据库…”。</source>
        <translation>No other database was opened yet: use Open database….</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="526" />
        <location filename="../../civicdesk/ui/main_window.py" line="530" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="527" />
        <source>CivicDesk 数据库 (*.sqlite3)</source>
        <translation>CivicDesk databases (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="530" />
        <source>文件已存在，请用“打开数据库”。</source>
        <translation>The file exists; use Open database.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="535" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="536" />
        <source>CivicDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>CivicDesk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/main_window.py" line="549" />
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="143" />
        <source>核对列</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="144" />
        <source>第一行是每一列对应的字段，可以更改；下面是台账的前几行，供核对。</source>
        <translation>The first row shows the field each column goes to; change it if needed. Below are the ledger's first rows.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="168" />
        <source>正在读取表头…</source>
        <translation>Reading the header…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="184" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="187" />
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="197" />
        <source>表头在第 %1 行，共 %2 列。</source>
        <translation>Header on row %1, %2 columns.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="210" />
        <source>请指定“名称”对应哪一列。</source>
        <translation>Choose the column that holds the name.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="213" />
        <source>同一字段对应了两列：%1</source>
        <translation>One field is mapped to two columns: %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="26" />
        <source>逐项合并冲突</source>
        <translation>Merge a conflict field by field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="29" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="29" />
        <source>本单位的值</source>
        <translation>Our value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="29" />
        <source>对方（{office}）的值</source>
        <translation>Their value ({office})</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="30" />
        <source>自行填写</source>
        <translation>Type a value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="80" />
        <source>记录：{label}。请为每个字段选择要保留的值；合并结果将成为新版本，并在下次同步时发给对方。</source>
        <translation>Record: {label}. Choose the value to keep for each field; the merge becomes a new version and is sent to the other office with the next package.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="84" />
        <source>按所选合并</source>
        <translation>Merge as chosen</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="96" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="98" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/merge_dialog.py" line="98" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="21" />
        <source>口令至少需要 %1 个字符（现为 %2 个）。</source>
        <translation>The passphrase needs at least %1 characters (it has %2).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="24" />
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="33" />
        <source>生成本单位同步密钥</source>
        <translation>Make this office's sync keys</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="36" />
        <source>本单位（%1）还没有同步密钥。同步包用它签名和解密，单位名片上的指纹由它算出。请设定保护密钥的口令：每次导出或导入同步包时都要输入，请妥善保管，遗失后只能重新生成密钥并请各单位重新信任本单位的名片。</source>
        <translation>This office (%1) has no sync keys yet. They sign and decrypt the sync packages, and the fingerprint on the office card is computed from them. Set the passphrase that protects the keys: it is asked at every export and import. Keep it safe: if it is lost, new keys must be made and every office must trust this office's card again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="43" />
        <source>至少 %1 个字符</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="52" />
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="53" />
        <source>再次输入口令：</source>
        <translation>Passphrase again:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="56" />
        <source>生成密钥</source>
        <translation>Make keys</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/keys_dialog.py" line="59" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="100" />
        <source>本单位</source>
        <translation>This office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="101" />
        <source>选择本程序服务的民政局。区划代码是本单位的身份，与其他单位交换数据时以它识别，设定后不能更改。</source>
        <translation>Choose the civil-affairs bureau this program serves. The division code is the office's identity in exchanges with other offices and cannot be changed once set.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="115" />
        <source>其他单位（手工填写区划代码和名称）</source>
        <translation>Another office (enter its division code and name)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="125" />
        <source>6位数字，如 511111</source>
        <translation>6 digits, e.g. 511111</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="129" />
        <source>如 乐山市某某区民政局</source>
        <translation>e.g. 乐山市某某区民政局</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="132" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="133" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="139" />
        <source>区划代码：</source>
        <translation>Division code:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="141" />
        <source>单位名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="143" />
        <source>级别：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="177" />
        <source>本单位已设定，不能再更改。</source>
        <translation>This office is set up and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="213" />
        <source>请填写6位区划代码。</source>
        <translation>Enter the 6-digit division code.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="215" />
        <source>区划代码只能由数字组成。</source>
        <translation>The division code is digits only.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="216" />
        <source>区划代码应为6位数字，现为 %n 位。</source>
        <translation><numerusform>The division code must have 6 digits, not %n.</numerusform><numerusform>The division code must have 6 digits, not %n.</numerusform></translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="217" />
        <source>请填写单位名称。</source>
        <translation>Enter the office name.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="226" />
        <source>请在列表中选择本单位；不在列表中的单位请选“其他单位”。</source>
        <translation>Choose this office in the list; for an office not listed choose 'Another office'.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="228" />
        <source>请填写本单位的6位行政区划代码和单位全称，并选择级别。</source>
        <translation>Enter this office's 6-digit division code and full name, and choose its level.</translation>
    </message>
</context>
<context>
    <name>OrgFormDialog</name>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="123" />
        <source>新增社会组织</source>
        <extracomment>Fields that share a row with another field: their issues go to that row.</extracomment>
        <translation>New organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="132" />
        <source>申请层级转换：%1</source>
        <translation>Tier conversion: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="135" />
        <source>申请变更登记：%1</source>
        <translation>Change filing: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="154" />
        <source>修改申请事项 %1：%2</source>
        <translation>Edit filing %1: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="180" />
        <location filename="../../civicdesk/ui/register/org_form.py" line="200" />
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="201" />
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="203" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="204" />
        <source>管理层级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="205" />
        <source>社区社会组织</source>
        <translation>Community organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="205" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="205" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="207" />
        <source>组织类型</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="208" />
        <source>行业类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="209" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="212" />
        <source>登记信息</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="214" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="215" />
        <source>18位，如 51511111MJ0000000X</source>
        <translation>18 characters, e.g. 51511111MJ0000000X</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="216" />
        <source>备案编号</source>
        <translation>Filing number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="217" />
        <source>登记方式</source>
        <translation>Registration mode</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="219" />
        <source>业务主管单位</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="220" />
        <source>基金会类型</source>
        <translation>Foundation type</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="222" />
        <source>成立登记日期</source>
        <translation>Date of establishment</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="223" />
        <source>证书有效期</source>
        <translation>Certificate validity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="223" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="225" />
        <source>发证日期</source>
        <translation>Certificate issued on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="227" />
        <source>住所与区划</source>
        <translation>Address and divisions</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="230" />
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="232" />
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="233" />
        <source>村（社区）</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="234" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="235" />
        <source>活动地域</source>
        <translation>Area of activity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="237" />
        <source>资金与人员</source>
        <translation>Funds and people</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="239" />
        <source>注册资金（万元）</source>
        <translation>Registered funds (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="241" />
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="242" />
        <source>从业人员数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="243" />
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="244" />
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="245" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="245" />
        <source>已建立党组织</source>
        <translation>Party organization set up</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="246" />
        <source>认定为慈善组织</source>
        <translation>Recognized charity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="248" />
        <location filename="../../civicdesk/ui/register/org_form.py" line="417" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="251" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="252" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="253" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="255" />
        <source>宗旨与业务范围</source>
        <translation>Purpose and business scope</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="256" />
        <source>宗旨</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="257" />
        <source>业务范围</source>
        <translation>Business scope</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="287" />
        <source>直接录入历史档案（管理员）</source>
        <translation>Enter a legacy record directly (administrators)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="289" />
        <source>将纸质登记簿中的历史记录直接录入登记簿，不经申请和审核；记入审计记录。</source>
        <translation>Types a record from the paper register straight into the register, without a filing or review; recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="295" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="296" />
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="297" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="324" />
        <source>（演示）</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="417" />
        <source>负责人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="427" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="429" />
        <source>提交层级转换申请</source>
        <translation>Submit tier conversion</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="431" />
        <source>提交变更申请</source>
        <translation>Submit change filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="433" />
        <source>直接录入</source>
        <translation>Enter directly</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="436" />
        <source>提交申请</source>
        <translation>Submit filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_form.py" line="582" />
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>OrgTableModel</name>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="335" />
        <source>（%1年度 %2）</source>
        <extracomment>the columns; their headers are the catalogue's ``column.register.*``. The supervision columns come last, so that a header state saved before them keeps its columns where they were. column -&gt; sort key of browse, a key of ``civicdesk.schema.SORT_KEYS`` (None: not sortable) optional columns, shown from View → 显示的列 (the supervision columns too: the filter bar finds the organizations by them without showing them) the text colour of a listed organization's name and credit cell (the words "⚠ 已列入…" say it too: never the colour alone) columns showing a dictionary value: column -&gt; (dictionary kind, row attribute)</extracomment>
        <translation>(%1: %2)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="339" />
        <source>⚠ 已列入%1：查看详情了解决定文号与日期</source>
        <translation>⚠ On the %1: see the details for the decision number and date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="345" />
        <source>未列入信用名单</source>
        <translation>On no credit list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="349" />
        <source>%1年度年检结论：%2</source>
        <translation>Annual inspection of %1: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="352" />
        <source>%1年度未年检；无年检结论</source>
        <translation>No inspection of %1 decided; none on record</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="353" />
        <source>%1年度未年检；最近一次：%2年度 %3</source>
        <translation>No inspection of %1 decided; the latest: %2, %3</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="356" />
        <source>评估等级 %1，有效期至 %2</source>
        <translation>Rating %1, valid until %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="359" />
        <source>评估等级 %1 已于 %2 到期</source>
        <translation>Rating %1 expired on %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/register/org_table_model.py" line="361" />
        <source>未评估</source>
        <translation>Not rated</translation>
    </message>
</context>
<context>
    <name>OrgViewDialog</name>
    <message>
        <location filename="../../civicdesk/ui/register/org_view.py" line="20" />
        <source>组织信息</source>
        <translation>Organization</translation>
    </message>
</context>
<context>
    <name>ParameterDialog</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="250" />
        <source>设定监管参数</source>
        <translation>Set a supervision parameter</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="259" />
        <source>全部组织类型</source>
        <translation>All legal forms</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="266" />
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="273" />
        <source>月-日，如 05-31</source>
        <translation>Month-day, such as 05-31</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="273" />
        <source>整数</source>
        <translation>A whole number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="274" />
        <source>各级比例，如 {"county": 0.03, "city": 0.04, "province": 0.05}</source>
        <translation>A ratio per level, such as {"county": 0.03, "city": 0.04, "province": 0.05}</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="275" />
        <source>JSON 列表，格式同默认值</source>
        <translation>A JSON list, in the form of the default</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="283" />
        <source>法规条款或本机关文件（必填）</source>
        <translation>Article of law or this office's notice (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="296" />
        <source>参数</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="297" />
        <source>适用组织类型(&amp;L)</source>
        <translation>&amp;Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="298" />
        <source>起始年度(&amp;F)</source>
        <translation>&amp;From year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="299" />
        <source>截止年度(&amp;T)</source>
        <translation>&amp;To year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="300" />
        <source>值(&amp;V)</source>
        <translation>&amp;Value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="302" />
        <source>依据(&amp;S)</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="303" />
        <source>默认值的依据</source>
        <translation>Source of the default</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="304" />
        <source>备注(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="306" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="307" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="346" />
        <source>已设定参数：%1</source>
        <translation>Parameter set: %1</translation>
    </message>
</context>
<context>
    <name>ParametersTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="78" />
        <source>参数</source>
        <extracomment>the scope columns' "any" (a year spin box at its minimum)</extracomment>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="79" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="80" />
        <source>适用组织类型</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="81" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="82" />
        <source>适用年度</source>
        <translation>Years</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="83" />
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="85" />
        <source>来源</source>
        <translation>Set by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="85" />
        <source>本机关设定</source>
        <translation>this office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="85" />
        <source>默认</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="87" />
        <source>设定人</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="88" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="96" />
        <source>按参数名称、代码或依据筛选</source>
        <translation>Filter by name, key or source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="98" />
        <source>只看本机关设定的值</source>
        <translation>Only this office's values</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="100" />
        <source>设定本机关的值…</source>
        <translation>Set this office's value…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="102" />
        <source>恢复默认…</source>
        <translation>Reset to default…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="104" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="134" />
        <source>监管参数</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="135" />
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="150" />
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="174" />
        <source>共 %1 项参数；本机关设定 %2 项</source>
        <translation>Parameters: %1; set by this office: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="190" />
        <source>只读：未登录。监管参数只有管理员可以修改。</source>
        <translation>Read-only: not logged in. Only an administrator can change the supervision parameters.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="192" />
        <source>监管参数只有管理员可以修改；您的角色（%1）只能查看。</source>
        <translation>Only an administrator can change the supervision parameters; your role (%1) can view them.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="202" />
        <source>请先选择一项参数。</source>
        <translation>Select a parameter first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="205" />
        <source>请选择一项本机关设定的值：默认值无需恢复。</source>
        <translation>Select a value this office set: a default needs no reset.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="225" />
        <source>恢复默认</source>
        <translation>Reset to default</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="226" />
        <source>撤销本机关对“%1”的设定（%2），恢复默认值？</source>
        <translation>Remove this office's value of "%1" (%2) and use the default again?</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/parameters_tab.py" line="233" />
        <source>已恢复默认值：%1</source>
        <translation>Default restored: %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="134" />
        <source>数据库服务器密码</source>
        <translation>Database server password</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="136" />
        <source>密码错误，请重新输入用户 %1 在 %2 的密码：</source>
        <translation>Wrong password. Enter the password of user %1 on %2 again:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="137" />
        <source>请输入用户 %1 在 %2 的密码：</source>
        <translation>Enter the password of user %1 on %2:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="145" />
        <source>在本机记住密码（保存在 %1，仅本人可读）</source>
        <translation>Remember the password on this computer (kept in %1, readable by you only)</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="66" />
        <source>至少8位，须同时包含字母和数字</source>
        <extracomment>a login dialog painted before the services loaded opens its database after its first paint, or after this long</extracomment>
        <translation>At least 8 characters with letters and digits</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="76" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/login_dialog.py" line="77" />
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="92" />
        <source>打印</source>
        <extracomment>a kind without a panel here, opened with its options chosen elsewhere (a workbench's round, year …)</extracomment>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="130" />
        <source>社会组织名录</source>
        <translation>Register of organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="130" />
        <source>社会组织登记信息表</source>
        <translation>Organization sheet</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="131" />
        <source>社会组织统计报告</source>
        <translation>Statistics report</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="131" />
        <source>申请事项办理情况表</source>
        <translation>Filings report</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="132" />
        <source>年检结果公告、参检情况报告</source>
        <translation>Inspection notice, participation report</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="132" />
        <source>“双随机、一公开”抽查结果</source>
        <translation>Random spot-check results</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="133" />
        <source>活动异常名录、严重违法失信名单</source>
        <translation>Abnormal-activity and serious-violation lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="133" />
        <source>行政处罚决定公示</source>
        <translation>Penalties decided (public notice)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="134" />
        <source>政府购买服务项目一览表</source>
        <translation>Purchased-service projects</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="135" />
        <source>公益创投评审结果报告、金点子大赛结果报告</source>
        <translation>Venture philanthropy round report, ideas contest report</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="136" />
        <source>社会组织工作概览（图表）</source>
        <translation>Overview of social organizations (charts)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="139" />
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="231" />
        <source>文档：</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="149" />
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="336" />
        <source>（此文档无其他选项）</source>
        <translation>(no other options for this document)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="156" />
        <source>内部版（身份证号码隐去中间位）</source>
        <translation>Internal (ID numbers partly hidden)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="157" />
        <source>公开版（隐去身份证号码、电话号码和内部备注）</source>
        <translation>Public (no ID numbers, phone numbers or internal notes)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="163" />
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="165" />
        <source>显示完整身份证号码（须有权限）</source>
        <translation>Show full ID numbers (needs the right)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="176" />
        <source>按主窗口当前的筛选和检索</source>
        <translation>Use the main window's current filter and search</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="184" />
        <source>按组织类型</source>
        <translation>By legal form</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="184" />
        <source>按乡镇（街道）</source>
        <translation>By township</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="185" />
        <source>按县（市、区）</source>
        <translation>By county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="185" />
        <source>不分组</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="188" />
        <source>分组：</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="198" />
        <source>组织 id 或统一社会信用代码</source>
        <translation>Organization id or unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="199" />
        <source>组织：</source>
        <translation>Organization:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="211" />
        <source>本单位辖区</source>
        <translation>This office's area</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="214" />
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="265" />
        <source>范围：</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="226" />
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="278" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="229" />
        <source>年检结果公告</source>
        <translation>Notice of inspection results</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="230" />
        <source>参检情况报告（参检率）</source>
        <translation>Participation report (rate)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="243" />
        <source>%1年度 %2（抽取 %3 个）</source>
        <translation>%1 %2 (%3 drawn)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="246" />
        <source>抽查计划：</source>
        <translation>Spot-check plan:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="247" />
        <source>保存时可选 PDF 或 Excel（.xlsx）。</source>
        <translation>Saved as PDF or Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="257" />
        <source>两个名单</source>
        <translation>Both lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="258" />
        <source>活动异常名录</source>
        <translation>Abnormal-activity list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="259" />
        <source>严重违法失信名单</source>
        <translation>Serious violation and dishonesty list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="260" />
        <source>名单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="263" />
        <source>在列的</source>
        <translation>On the list now</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="264" />
        <source>含已移出的</source>
        <translation>Including those removed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="266" />
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="279" />
        <source>保存时可选 PDF、Excel（.xlsx）或 CSV（供网站公开）。</source>
        <translation>Save as PDF, Excel (.xlsx) or CSV (for the website).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="291" />
        <source>点击“预览”查看打印效果。</source>
        <translation>Click "Preview" to see the printed pages.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="301" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="302" />
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="304" />
        <source>取消打印</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="306" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="329" />
        <source>检索“%1”</source>
        <translation>search "%1"</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="331" />
        <source>全部状态</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="332" />
        <source>当前筛选：</source>
        <translation>Current filter: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="332" />
        <source>全部存续组织</source>
        <translation>all existing organizations</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="342" />
        <source>按所选打印：%1</source>
        <translation>As chosen: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="380" />
        <source>正在生成预览…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="380" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="396" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="396" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="397" />
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="398" />
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="412" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="433" />
        <source>预览：%1，共 %2 页</source>
        <translation>Preview: %1, %2 pages</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="436" />
        <source>已保存：%1（共 %2 页）</source>
        <translation>Saved: %1 (%2 pages)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="447" />
        <source>打印未完成</source>
        <translation>Printing did not finish</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="455" />
        <source>已取消，未生成文件。</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/printing/print_dialog.py" line="471" />
        <source>（仅预览前 %1 页，共 %2 页）</source>
        <translation>(first %1 of %2 pages shown)</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="40" />
        <source>按项目名称、承接组织或合同编号筛选</source>
        <translation>Filter by project, organization or contract no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="43" />
        <source>支付记录(&amp;P)</source>
        <translation>&amp;Payments</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="44" />
        <source>支付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="45" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="46" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="50" />
        <source>合同与评估(&amp;C)</source>
        <translation>&amp;Contract and evaluation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="59" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="60" />
        <source>支付…</source>
        <translation>Pay…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="61" />
        <source>评估…</source>
        <translation>Evaluate…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="62" />
        <source>打印项目一览表…</source>
        <translation>Print the project list…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="71" />
        <source>未评估</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="74" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="75" />
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="76" />
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="77" />
        <source>购买主体</source>
        <translation>Buying department</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="78" />
        <source>承接组织</source>
        <translation>Contracted organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="79" />
        <source>资金来源</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="80" />
        <source>合同金额（元）</source>
        <translation>Contract (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="81" />
        <source>已支付（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="82" />
        <source>评估结果</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="84" />
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="107" />
        <source>项目 %1 个，合同金额 %2 元，已支付 %3 元。</source>
        <translation>Projects: %1; contracts %2 yuan, paid %3 yuan.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="122" />
        <source>项目：%1</source>
        <translation>Project: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="123" />
        <source>合同编号：%1</source>
        <translation>Contract no.: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="124" />
        <source>承接组织：%1</source>
        <translation>Contracted organization: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="125" />
        <source>服务期限：%1 至 %2</source>
        <translation>Period: %1 to %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="126" />
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="220" />
        <source>合同金额 %1 元，已支付 %2 元，未支付 %3 元。</source>
        <translation>Contract %1 yuan, paid %2 yuan, unpaid %3 yuan.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="128" />
        <source>评估结果：%1</source>
        <translation>Evaluation: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="130" />
        <source>服务内容及成果：%1</source>
        <translation>Deliverables: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="143" />
        <source>请先选择一个项目。</source>
        <translation>Select a project first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="146" />
        <source>合同金额已全部支付。</source>
        <translation>The contract is paid in full.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="148" />
        <source>这个项目已经评估。</source>
        <translation>This project is evaluated already.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="173" />
        <source>承接组织的统一社会信用代码</source>
        <translation>The contracted organization's USCC</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="184" />
        <source>新建政府购买服务项目</source>
        <translation>New purchased-service project</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="185" />
        <source>项目名称(&amp;N)</source>
        <translation>Project &amp;name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="186" />
        <source>购买主体(&amp;B)</source>
        <translation>&amp;Buying department</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="187" />
        <source>区县(&amp;V)</source>
        <translation>Di&amp;vision</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="188" />
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="189" />
        <source>资金来源(&amp;F)</source>
        <translation>&amp;Funding source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="190" />
        <source>承接组织(&amp;O)</source>
        <translation>Contracted &amp;organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="191" />
        <source>合同编号(&amp;C)</source>
        <translation>&amp;Contract no.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="192" />
        <source>合同金额（元）(&amp;A)</source>
        <translation>Contract &amp;amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="193" />
        <source>服务开始(&amp;S)</source>
        <translation>&amp;Starts on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="194" />
        <source>服务结束(&amp;E)</source>
        <translation>&amp;Ends on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="195" />
        <source>服务内容及成果(&amp;D)</source>
        <translation>&amp;Deliverables</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="195" />
        <source>已新建项目。</source>
        <translation>Project created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="200" />
        <source>列入严重违法失信名单的组织不能承接政府购买服务。</source>
        <translation>An organization on the serious credit list cannot be contracted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="214" />
        <source>支付：%1</source>
        <translation>Pay: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="215" />
        <source>金额（元）(&amp;A)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="216" />
        <source>支付日期(&amp;D)</source>
        <translation>Paid on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="217" />
        <source>备注(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="217" />
        <source>已登记支付。</source>
        <translation>Payment recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="233" />
        <source>评估：%1</source>
        <translation>Evaluate: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="234" />
        <source>评估结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="235" />
        <source>评估日期(&amp;D)</source>
        <translation>Evaluated on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/projects_tab.py" line="235" />
        <source>已登记评估结果。</source>
        <translation>Evaluation recorded.</translation>
    </message>
</context>
<context>
    <name>RatingTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="38" />
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="117" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="39" />
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="44" />
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="47" />
        <source>只看即将到期</source>
        <translation>Only expiring soon</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="54" />
        <source>全市（含各区县）</source>
        <translation>Whole city (all offices)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="56" />
        <source>列出本库中全市各单位的评估申请和等级（只读）</source>
        <translation>List the rating applications and grades of every office whose records this database holds (read only)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="64" />
        <source>申请评估…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="65" />
        <source>评分…</source>
        <translation>Score…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="66" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="67" />
        <source>评定…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="68" />
        <source>不予评定…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="69" />
        <source>降级…</source>
        <translation>Lower…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="70" />
        <source>撤销等级…</source>
        <translation>Cancel rating…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="80" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="81" />
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="194" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="82" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="83" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="84" />
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="85" />
        <source>总分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="86" />
        <source>评定等级</source>
        <translation>Grade decided</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="87" />
        <source>现等级</source>
        <translation>Current grade</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="88" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="89" />
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="90" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="91" />
        <source>登记管理机关</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="112" />
        <source>只看 %1 天内到期的有效等级</source>
        <translation>Only ratings ending within %1 days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="126" />
        <source>共 %1 件申请；有效等级 %2 个，其中 %3 个将在 %4 天内到期</source>
        <translation>Applications: %1; ratings in force: %2, ending within %4 days: %3</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="140" />
        <source>请先选择一件申请。</source>
        <translation>Select an application first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="144" />
        <source>只有已申请或已评分的申请可以评分。</source>
        <translation>Only an application applied or scored can be scored.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="146" />
        <source>各部分评分完成后才能提交。</source>
        <translation>Every part must be scored before it is submitted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="151" />
        <source>只有已提交的申请可以评定。</source>
        <translation>Only a submitted application can be decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="153" />
        <source>只有尚未评定的申请可以不予评定。</source>
        <translation>Only an application not yet decided can be refused.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="157" />
        <source>只有有效的评估等级可以降级或撤销。</source>
        <translation>Only a rating in force can be lowered or cancelled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="159" />
        <source>全市列表只供查看：申请、评分和评定请取消“全市（含各区县）”，在本单位的评估中进行。</source>
        <translation>The whole-city list is read only: to apply, score or decide, clear "Whole city (all offices)" and work in this office's own ratings.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="182" />
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="203" />
        <source>申请评估</source>
        <translation>Apply for a rating</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="204" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="204" />
        <source>评估年度(&amp;Y)</source>
        <translation>&amp;Year rated</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="205" />
        <source>申请日期(&amp;D)</source>
        <translation>&amp;Date applied</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="205" />
        <source>已受理评估申请。</source>
        <translation>Application accepted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="206" />
        <source>受理时逐条核对申请条件；不符合的，说明所依据的条件，不予受理。</source>
        <translation>Each eligibility rule is checked on application; one that fails is named and the application is not accepted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="224" />
        <source>评分：%1</source>
        <translation>Scores: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="225" />
        <source>已保存评分。</source>
        <translation>Scores saved.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="232" />
        <source>已提交评定。</source>
        <translation>Submitted for decision.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="245" />
        <source>评定决定的文号（必填）</source>
        <translation>Number of the decision (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="251" />
        <source>总分 %1，等级 %2。评定日起算有效期。</source>
        <translation>Total %1, grade %2. Valid from the day of the decision.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="252" />
        <source>评定：%1</source>
        <translation>Decide: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="253" />
        <source>文号(&amp;N)</source>
        <translation>Decision &amp;number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="254" />
        <source>评定日期(&amp;D)</source>
        <translation>&amp;Date decided</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="254" />
        <source>已评定。</source>
        <translation>Decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="262" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="271" />
        <source>不予评定：%1</source>
        <translation>Refuse: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="272" />
        <source>已不予评定。</source>
        <translation>Refused.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="282" />
        <source>降级：%1</source>
        <translation>Lower: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="283" />
        <source>已降级。</source>
        <translation>Lowered.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="284" />
        <source>降为(&amp;G)</source>
        <translation>Lower to &amp;grade</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="291" />
        <source>撤销等级：%1</source>
        <translation>Cancel the rating: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/rating_tab.py" line="292" />
        <source>已撤销等级。</source>
        <translation>Rating cancelled.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="228" />
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="229" />
        <source>逐行检查并与登记簿比对的结果。此时尚未写入任何数据。</source>
        <translation>Every row checked and compared with the register. Nothing has been written yet.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="236" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="236" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="236" />
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="236" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="242" />
        <source>跳过不合格行：先导入合格的行，不合格行连同原因另存为 .xlsx</source>
        <translation>Skip invalid rows: import the valid rows now, save the rejected ones with their reasons to an .xlsx</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="246" />
        <source>新增的行作为历史档案直接录入登记簿（不经审核，仅管理员）</source>
        <translation>Enter the new rows directly into the register as legacy records (no review; administrators only)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="248" />
        <source>导入后，新增的行成为成立登记申请、变更的行成为变更登记申请，由审核人员审核后才写入登记簿。</source>
        <translation>After the import, new rows become establishment filings and changed rows change filings; the register changes only when a reviewer approves them.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="269" />
        <source>导入后，各行成为待审核的年检记录，由导入人以外的审核人员逐份作出结论。</source>
        <translation>Once imported, each row is an inspection record waiting for review; a reviewer other than the importer decides each one.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="274" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="300" />
        <source>数据行 %1：新登记 %2，修改草稿 %3，不合格 %4；跳过 %5 行。</source>
        <translation>%1 data rows: %2 new, %3 correcting a draft, %4 invalid; %5 rows skipped.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="303" />
        <source>数据行 %1：新增 %2，变更 %3，无变化 %4，不合格 %5；跳过 %6 行。</source>
        <translation>%1 data rows: %2 new, %3 changed, %4 unchanged, %5 invalid; %6 rows skipped.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/ledger/import_wizard.py" line="315" />
        <source>变更：%1 → %2</source>
        <translation>Change: %1 → %2</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="70" />
        <source>审查队列</source>
        <extracomment>tabs: key -&gt; states asked of the service (None: all states; "open": draft and the open ones)</extracomment>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="82" />
        <source>全部事项类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="88" />
        <source>按编号、组织或申请人筛选</source>
        <translation>Filter by number, organization or applicant</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="90" />
        <source>只看逾期或临近到期</source>
        <translation>Overdue or due soon only</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="119" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="120" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="121" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="154" />
        <source>待办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="156" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/filings/review_queue.py" line="205" />
        <source>共 %1 件；逾期 %2 件，临近到期 %3 件</source>
        <translation>%1 filings; %2 overdue, %3 due soon</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="250" />
        <source>自动备份</source>
        <translation>Scheduled backup</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="253" />
        <source>不自动备份</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="253" />
        <source>每次关闭窗口时</source>
        <translation>Each time the window closes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="254" />
        <source>每天一次</source>
        <translation>Once a day</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="258" />
        <source>备份时机</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="262" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="263" />
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/database_menu.py" line="266" />
        <source>备份放在 %1；更早的本数据库备份会被删除，其他文件不动。</source>
        <translation>Backups go to %1; older backups of this database are removed, no other file is touched.</translation>
    </message>
</context>
<context>
    <name>SentPackagesTab</name>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="49" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="49" />
        <source>轮次</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="49" />
        <source>发出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="49" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="50" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="50" />
        <source>对方已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="50" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="52" />
        <source>重新保存所选…</source>
        <translation>Save the chosen one again…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="55" />
        <source>邮件丢失或对方报告缺包时，选中该包重新保存：文件与当初发出的完全相同（同名、同校验值），对方重复导入也不会出错。</source>
        <translation>When a mail was lost or the office reports a missing package, choose it and save it again: the file is identical to the one sent (same name, same hash), and importing it twice does no harm.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="59" />
        <source>发给：</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="93" />
        <source>数据</source>
        <translation>data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="93" />
        <source>仅确认</source>
        <translation>acknowledgement only</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="95" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="95" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="124" />
        <source>无法保存文件：{reason}</source>
        <translation>The file could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/sent_tab.py" line="130" />
        <source>已重新保存第 {seq} 号同步包：{path}（与原件完全相同，校验值 {sha}…）</source>
        <translation>Package {seq} saved again: {path} (identical to the one sent, SHA-256 {sha}…)</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="55" />
        <source>连接数据库服务器</source>
        <extracomment>the last server's URL (without password), to fill the dialog the next time</extracomment>
        <translation>Connect to a database server</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="58" />
        <source>输入本单位数据库服务器（PostgreSQL）的地址。密码在连接时询问，不保存在程序设置中。</source>
        <translation>Enter the address of your office's database server (PostgreSQL). The password is asked when connecting and never kept in the program's settings.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="70" />
        <source>地址（URL）：</source>
        <translation>Address (URL):</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="71" />
        <source>主机：</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="72" />
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="73" />
        <source>数据库：</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="74" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="81" />
        <source>连接</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="655" />
        <source>CivicDesk 初始设置</source>
        <translation>CivicDesk set-up</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="659" />
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="660" />
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="661" />
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="662" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="663" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="70" />
        <source>导入%1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="74" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="81" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="81" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="81" />
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="81" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="88" />
        <source>此时尚未写入任何数据。有不合格的行时不能导入：改正台账后重新选择。</source>
        <translation>Nothing has been written yet. A sheet with invalid rows cannot be imported: correct it and choose it again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="90" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="94" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="144" />
        <source>导入已取消，数据库未作任何改动。</source>
        <translation>Import cancelled; the database is unchanged.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="145" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="150" />
        <source>数据行 %1：新增 %2，已有记录 %3，不合格 %4；跳过 %5 行。</source>
        <translation>%1 data rows: %2 new, %3 already recorded, %4 invalid; %5 rows skipped.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="166" />
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="168" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/ledger_actions.py" line="185" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>SpotcheckTab</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="41" />
        <source>按抽中的组织名称或统一社会信用代码筛选</source>
        <translation>Filter the organizations drawn by name or credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="44" />
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="114" />
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="49" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="50" />
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="51" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="52" />
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="54" />
        <source>告知日期</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="55" />
        <source>检查日期</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="56" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="58" />
        <source>整改期限</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="59" />
        <source>整改完成</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="60" />
        <source>公示日期</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="64" />
        <source>抽中的检查对象</source>
        <translation>Organizations drawn</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="74" />
        <source>新建计划…</source>
        <translation>New plan…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="75" />
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="216" />
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="76" />
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="77" />
        <source>取消计划…</source>
        <translation>Cancel plan…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="78" />
        <source>添加检查人员…</source>
        <translation>Add inspector…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="79" />
        <source>记录检查结果…</source>
        <translation>Record check…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="85" />
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="86" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="87" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="88" />
        <source>比例</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="90" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="91" />
        <source>可抽对象</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="92" />
        <source>抽中</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="93" />
        <source>抽取时间</source>
        <translation>Drawn at</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="94" />
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="99" />
        <source>%1年度抽查计划</source>
        <translation>Spot-check plan %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="123" />
        <source>共 %1 个抽查计划；已抽取 %2 个</source>
        <translation>Plans: %1; drawn: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="145" />
        <source>抽中的检查对象（%1 个；逾期未整改 %2 个）</source>
        <translation>Organizations drawn: %1; past their rectification date: %2</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="164" />
        <source>请先选择一个抽查计划。</source>
        <translation>Select a plan first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="168" />
        <source>只有尚未抽取的计划可以抽取：抽取结果不能重做。</source>
        <translation>Only a plan not yet drawn can be drawn: a draw cannot be redone.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="170" />
        <source>该计划尚未抽取，无可核验。</source>
        <translation>The plan is not drawn: nothing to verify.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="172" />
        <source>只有已计划或已抽取的计划可以取消。</source>
        <translation>Only a plan planned or drawn can be cancelled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="174" />
        <source>请先在下方选择一个抽中的检查对象。</source>
        <translation>Select an organization drawn, below, first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="196" />
        <source>如 3% 或 0.03</source>
        <translation>such as 3% or 0.03</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="206" />
        <source>新建抽查计划</source>
        <translation>New spot-check plan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="207" />
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="207" />
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="208" />
        <source>抽查比例(&amp;R)</source>
        <translation>&amp;Ratio</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="208" />
        <source>计划名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="209" />
        <source>每项检查人员数(&amp;P)</source>
        <translation>Inspectors &amp;per check</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="209" />
        <source>已新建抽查计划。</source>
        <translation>Plan created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="210" />
        <source>比例不得低于本级法定下限（见“参数”页的抽查比例下限）。</source>
        <translation>The ratio may not be under the legal minimum of the office's level (see the minimum ratio on the Parameters tab).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="217" />
        <source>从符合条件的组织中按 %1 的比例随机抽取检查对象并匹配检查人员？抽取结果不能重做，只能取消计划。</source>
        <translation>Draw %1 of the eligible organizations at random, with their inspectors? A draw cannot be redone, only the plan cancelled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="224" />
        <source>已抽取：%1 个符合条件的组织中抽中 %2 个。</source>
        <translation>Drawn: %2 of the %1 eligible organizations.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="256" />
        <source>取消抽查计划：%1</source>
        <translation>Cancel the plan: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="257" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="259" />
        <source>已取消抽查计划。</source>
        <translation>Plan cancelled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="271" />
        <source>添加检查人员</source>
        <translation>Add an inspector</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="272" />
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="272" />
        <source>科室(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="273" />
        <source>系统账号(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="273" />
        <source>已添加检查人员。</source>
        <translation>Inspector added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="281" />
        <source>（未定）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="287" />
        <source>记录检查结果：%1</source>
        <translation>Check: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="288" />
        <source>告知日期(&amp;N)</source>
        <translation>&amp;Notified on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="289" />
        <source>检查日期(&amp;C)</source>
        <translation>&amp;Checked on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="290" />
        <source>检查发现(&amp;F)</source>
        <translation>&amp;Findings</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="291" />
        <source>结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="292" />
        <source>整改期限(&amp;B)</source>
        <translation>Rectify &amp;by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="293" />
        <source>整改完成日期(&amp;D)</source>
        <translation>Rectifie&amp;d on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="294" />
        <source>公示日期(&amp;P)</source>
        <translation>&amp;Published on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/spotcheck_tab.py" line="295" />
        <source>已记录检查结果。</source>
        <translation>Check recorded.</translation>
    </message>
</context>
<context>
    <name>StaffBox</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="378" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="380" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="400" />
        <source>审核和经办人员</source>
        <translation>Reviewer and clerk</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="401" />
        <source>申请事项须由起草人、提交人以外的人审查（双人复核）。</source>
        <translation>A filing must be reviewed by someone other than who drafted or submitted it (four eyes).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="403" />
        <source>只有一名管理员时，管理员起草或提交的申请无人能准予。</source>
        <translation>With only one administrator, nobody can approve the filings the administrator drafted or submitted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="404" />
        <source>建议现在添加一名审核人员（审查、准予或不予申请事项）和一名经办人员（起草、提交申请事项）。也可以跳过，以后在“系统 → 用户管理…”中添加。</source>
        <translation>Add a reviewer (reviews, approves or rejects filings) and a clerk (drafts and submits filings) now. You can also skip this and add them later under System → Users….</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="407" />
        <source>添加审核人员</source>
        <translation>Add a reviewer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/setup_wizard.py" line="408" />
        <source>添加经办人员</source>
        <translation>Add a clerk</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="35" />
        <source>按服务站名称筛选</source>
        <translation>Filter by station name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="36" />
        <source>服务记录(&amp;S)</source>
        <translation>&amp;Service days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="37" />
        <source>服务日期</source>
        <translation>Served on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="38" />
        <source>服务内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="39" />
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="61" />
        <source>服务人次</source>
        <translation>Person-times</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="40" />
        <source>其中困境儿童</source>
        <translation>Of whom in difficulty</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="41" />
        <source>其中留守儿童</source>
        <translation>Of whom left behind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="42" />
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="43" />
        <source>经费(&amp;F)</source>
        <translation>&amp;Funding</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="44" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="45" />
        <source>来源</source>
        <translation>Set by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="46" />
        <source>出资方</source>
        <translation>Funder</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="47" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="48" />
        <source>到账日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="49" />
        <source>登记服务日…</source>
        <translation>Add a service day…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="50" />
        <source>登记经费…</source>
        <translation>Add funding…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="54" />
        <source>基金会支持</source>
        <translation>Foundation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="54" />
        <source>承接组织自筹</source>
        <translation>Contracted organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="55" />
        <source>民政部门补助</source>
        <translation>Civil affairs</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="58" />
        <source>儿童服务站</source>
        <translation>Children's station</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="59" />
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="60" />
        <source>服务天数</source>
        <translation>Service days</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="62" />
        <source>困境儿童人次</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="63" />
        <source>留守儿童人次</source>
        <translation>Left behind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="64" />
        <source>最近服务</source>
        <translation>Last served</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="65" />
        <source>经费合计（元）</source>
        <translation>Funding (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="74" />
        <source>儿童服务站 %1 个，服务 %2 天，%3 人次；经费 %4 元</source>
        <translation>Stations: %1; %2 service days, %3 person-times; funding %4 yuan</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="88" />
        <source>请先选择一个儿童服务站。</source>
        <translation>Select a children's station first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="115" />
        <source>登记服务日：%1</source>
        <translation>Add a service day: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="116" />
        <source>服务日期(&amp;D)</source>
        <translation>Served on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="117" />
        <source>服务内容(&amp;A)</source>
        <translation>&amp;Activity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="118" />
        <source>服务人次(&amp;P)</source>
        <translation>&amp;Person-times</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="119" />
        <source>其中困境儿童(&amp;I)</source>
        <translation>Of whom &amp;in difficulty</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="120" />
        <source>其中留守儿童(&amp;L)</source>
        <translation>Of whom &amp;left behind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="120" />
        <source>已登记服务日。</source>
        <translation>Service day recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="145" />
        <source>登记经费：%1</source>
        <translation>Add funding: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="146" />
        <source>来源(&amp;S)</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="147" />
        <source>出资方(&amp;F)</source>
        <translation>&amp;Funder</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="148" />
        <source>金额（元）(&amp;A)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="149" />
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="150" />
        <source>到账日期(&amp;D)</source>
        <translation>Received on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/stations_tab.py" line="150" />
        <source>已登记经费。</source>
        <translation>Funding recorded.</translation>
    </message>
</context>
<context>
    <name>SupervisionForms</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="44" />
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="171" />
        <source>录入人、提交人不能对本记录作出决定：须由另一名审核人员决定（双人复核）。</source>
        <translation>Whoever entered or submitted this record cannot decide it: another reviewer must (four eyes).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="181" />
        <source>只读：未登录。请从“系统 → 登录…”登录。</source>
        <translation>Read-only: not logged in. Log in with System → Log in….</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="184" />
        <source>您的角色（%1）不能作出决定：须由审核人员或管理员决定。</source>
        <translation>Your role (%1) cannot decide: a reviewer or an administrator must.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/forms.py" line="186" />
        <source>您的角色（%1）无权办理此事项。</source>
        <translation>Your role (%1) may not do this.</translation>
    </message>
</context>
<context>
    <name>SupervisionMenu</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="51" />
        <source>监管工作台</source>
        <translation>Supervision workbench</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="52" />
        <location filename="../../civicdesk/ui/supervision/menu.py" line="121" />
        <source>到期提醒</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="54" />
        <source>监管(&amp;U)</source>
        <translation>S&amp;upervision</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="67" />
        <source>打开监管工作台的到期提醒</source>
        <translation>Open the workbench's Due tab</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="121" />
        <source>到期提醒（%1）</source>
        <translation>Due (%1)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="129" />
        <source>%1 项今天到期</source>
        <translation>%1 due today</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="131" />
        <source>%1 项逾期</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="133" />
        <source>信用名单：%1</source>
        <translation>Credit lists: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="133" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="135" />
        <source>举报投诉：%1 件逾期未答复</source>
        <translation>Complaints: %1 overdue</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/menu.py" line="136" />
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>SupervisionRuling</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="30" />
        <source>请先选择一条记录。</source>
        <translation>Select a record first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="32" />
        <source>本单位自己的记录不由市局裁决：请用本单位的决定步骤办理。</source>
        <translation>The city does not rule on its own records: use this office's decision steps.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="34" />
        <source>该记录已撤销，不能再裁决。</source>
        <translation>This record is annulled or withdrawn: no further ruling.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="39" />
        <source>撤销</source>
        <translation>Annul</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="39" />
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="43" />
        <source>列入情形代码</source>
        <translation>Ground code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="43" />
        <source>情形说明</source>
        <translation>Ground details</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="43" />
        <source>决定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="44" />
        <source>列入日期</source>
        <translation>Listed on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="44" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="44" />
        <source>停止活动自</source>
        <translation>Suspended from</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="45" />
        <source>停止活动至</source>
        <translation>Suspended to</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="45" />
        <source>复议期限</source>
        <translation>Appeal by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="45" />
        <source>处罚依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="58" />
        <source>不更正则不填</source>
        <translation>Leave empty to keep</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="67" />
        <source>裁决文号（必填）</source>
        <translation>Ruling number (required)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="75" />
        <source>裁决种类(&amp;K)</source>
        <translation>&amp;Kind of ruling</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="77" />
        <source>文号(&amp;N)</source>
        <translation>Decision &amp;number</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="77" />
        <source>裁决日期(&amp;D)</source>
        <translation>&amp;Date of ruling</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="78" />
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="79" />
        <source>已作出市局裁决，将随同步发送该区县。</source>
        <translation>City ruling issued; it is sent to the district with the next sync.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="81" />
        <source>撤销：该记录失效；更正：只改所填的字段。裁决发送给该记录所属的区县，区县不能改动。</source>
        <translation>Annul: the record no longer stands. Correct: only the fields filled in change. The ruling is sent to the record's district, which cannot change it.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="94" />
        <source>市局裁决 %1，%2，%3：%4</source>
        <translation>City ruling %1, %2, %3: %4</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/ruling_form.py" line="97" />
        <source>已由市民政局裁决（文号%1），%2，%3：%4</source>
        <translation>Ruled by the city bureau (no. %1), %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>SupervisionWorkbench</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="318" />
        <source>监管工作台</source>
        <translation>Supervision workbench</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="320" />
        <source>到期提醒</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="320" />
        <source>年度检查</source>
        <translation>Annual inspection</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="320" />
        <source>等级评估</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="321" />
        <source>双随机抽查</source>
        <translation>Spot checks</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="321" />
        <source>信用名单</source>
        <translation>Credit lists</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="322" />
        <source>约谈与处罚</source>
        <translation>Interviews and penalties</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="322" />
        <source>举报投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="322" />
        <source>参数</source>
        <translation>Parameters</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="83" />
        <source>同步</source>
        <extracomment>this office's own entry (keys made) or None; known after the first load</extracomment>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="89" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="90" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="91" />
        <location filename="../../civicdesk/ui/sync/window.py" line="219" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="92" />
        <source>各单位状态</source>
        <translation>Offices' status</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="93" />
        <source>已信任单位</source>
        <translation>Trusted offices</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="95" />
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="108" />
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="108" />
        <source>请输入本单位同步密钥的口令：</source>
        <translation>Passphrase of this office's sync keys:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="113" />
        <source>保存同步包</source>
        <translation>Save sync package</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="114" />
        <location filename="../../civicdesk/ui/sync/window.py" line="118" />
        <source>同步包 (*.cdsync)</source>
        <translation>Sync packages (*.cdsync)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="118" />
        <source>选择同步包</source>
        <translation>Choose sync packages</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="129" />
        <source>保存本单位名片</source>
        <translation>Save this office's card</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="130" />
        <source>单位名片 (*.cdcard)</source>
        <translation>Office cards (*.cdcard)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="147" />
        <source>发送全部数据（首次发送或对方重装后）</source>
        <translation>Send all data (first package, or after the other office reinstalled)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="148" />
        <source>导出同步包…</source>
        <translation>Export sync package…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="150" />
        <source>同步包只发给一个单位，内容已加密签名。导出后请将文件作为邮件附件发送。</source>
        <translation>A package is for one office only; it is signed and encrypted. Send the file as an email attachment.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="157" />
        <source>发给：</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="171" />
        <source>尚未信任任何单位：请先在“已信任单位”中导入对方的单位名片。</source>
        <translation>No office is trusted yet: import the other office's card under Trusted offices first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="192" />
        <source>未保存：同步包已记录，可在“已发送”中重新保存完全相同的文件。</source>
        <translation>Not saved: the package is recorded; save the identical file again from the Sent tab.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="198" />
        <source>未能写出“{path}”（{reason}）：同步包第 {seq} 号已记录，可在“已发送”中重新保存。</source>
        <translation>Could not write '{path}' ({reason}): package {seq} is recorded; save it again from the Sent tab.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="202" />
        <source>全部数据</source>
        <translation>all data</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="202" />
        <source>变更</source>
        <translation>changes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="203" />
        <source>第 {seq} 号：{file}（{what} {n} 条）</source>
        <translation>No. {seq}: {file} ({n} {what})</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="205" />
        <source>请把以下文件作为邮件附件发给对方：</source>
        <translation>Attach these files to an email to the other office:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="215" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="217" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="221" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="221" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="221" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="227" />
        <source>把收到的同步包拖到下面（可一次多个，顺序不限）：</source>
        <translation>Drop the received packages here (several at once, in any order):</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="249" />
        <source>已导入</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="249" />
        <source>此前已导入</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="250" />
        <source>已暂存（前面缺包）</source>
        <translation>Parked (an earlier package is missing)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="250" />
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="256" />
        <source>新增 {a}，更新 {b}，合并 {c}，冲突 {d}，跳过 {e}</source>
        <translation>{a} new, {b} updated, {c} merged, {d} conflicts, {e} skipped</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="265" />
        <source>导入完成：{n} 个文件，拒收 {m} 个。</source>
        <translation>Import finished: {n} files, {m} refused.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="272" />
        <location filename="../../civicdesk/ui/sync/window.py" line="374" />
        <source>单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="272" />
        <source>最后发送</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="272" />
        <source>对方已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="272" />
        <source>对方未确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="273" />
        <source>最后收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="273" />
        <source>缺少的包</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="273" />
        <source>暂存的包</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="279" />
        <source>本单位名片</source>
        <translation>This office's card</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="293" />
        <source>生成本单位密钥…</source>
        <translation>Make this office's keys…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="296" />
        <source>导出本单位名片…</source>
        <translation>Export this office's card…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="313" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="317" />
        <source>指纹：</source>
        <translation>Fingerprint: </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="319" />
        <source>把名片文件发给要同步的单位；对方导入后会打电话核对这串数字。</source>
        <translation>Send the card file to the offices you sync with; after importing it they will phone you to compare these digits.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="322" />
        <source>您的角色无权同步。</source>
        <translation>Your role may not synchronize.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="325" />
        <source>本单位尚未生成同步密钥：生成后才能导出同步包和本单位名片。</source>
        <translation>This office has no sync keys yet: make them to export packages and this office's card.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="326" />
        <source>本单位尚未生成同步密钥：请管理员在此生成（同步 → 已信任单位 → 生成本单位密钥…）。</source>
        <translation>This office has no sync keys yet: an administrator makes them here (Sync → Trusted offices → Make this office's keys…).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="329" />
        <source>只有管理员可以生成本单位密钥。</source>
        <translation>Only an administrator can make this office's keys.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="331" />
        <source>请先生成本单位密钥。</source>
        <translation>Make this office's keys first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="338" />
        <source>本单位尚未生成同步密钥：请管理员在“已信任单位”中点“生成本单位密钥…”。</source>
        <translation>This office has no sync keys yet: an administrator makes them under Trusted offices with Make this office's keys….</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="342" />
        <source>未生成密钥。</source>
        <translation>No keys were made.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="348" />
        <source>已生成本单位同步密钥。指纹：%1</source>
        <translation>This office's sync keys were made. Fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="366" />
        <source>已导出本单位名片：%1（指纹 %2）。请作为邮件附件发给对方，并电话核对指纹。</source>
        <translation>This office's card was saved: %1 (fingerprint %2). Send it as an e-mail attachment and compare the fingerprint by phone.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="374" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="374" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="374" />
        <source>指纹（电话核对）</source>
        <translation>Fingerprint (compare by phone)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="376" />
        <source>导入单位名片…</source>
        <translation>Import an office card…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="379" />
        <source>收到其他单位的名片文件（.cdcard）后在此导入：核对指纹一致才信任。</source>
        <translation>Import another office's card file (.cdcard) here: it is trusted only after its fingerprint was compared.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="392" />
        <source>选择单位名片</source>
        <translation>Choose an office card</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="393" />
        <source>单位名片 (*.cdcard);;所有文件 (*)</source>
        <translation>Office cards (*.cdcard);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="420" />
        <source>{name}（{code}）已信任，密钥未变。</source>
        <translation>{name} ({code}) is trusted already, with the same keys.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="423" />
        <source>未信任：{name}（{code}）。</source>
        <translation>Not trusted: {name} ({code}).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="431" />
        <source>已信任 {name}（{code}）的新密钥。</source>
        <translation>The new key of {name} ({code}) is trusted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="431" />
        <source>已信任 {name}（{code}）。</source>
        <translation>{name} ({code}) is trusted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="471" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="471" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="472" />
        <source>（本单位）</source>
        <translation> (this office)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="475" />
        <source>组织</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="475" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="475" />
        <source>变更记录</source>
        <translation>Change record</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="476" />
        <source>申请事项</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="476" />
        <source>办理步骤</source>
        <translation>Filing step</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="478" />
        <source>未解决</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="478" />
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="480" />
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="488" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="488" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="488" />
        <location filename="../../civicdesk/ui/sync/window.py" line="490" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="488" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="490" />
        <source>本单位的值</source>
        <translation>Our value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="490" />
        <source>对方的值</source>
        <translation>Their value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="490" />
        <source>现在的值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="491" />
        <source>采用本单位的值</source>
        <translation>Take our values</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="492" />
        <source>采用对方的值</source>
        <translation>Take their values</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="493" />
        <source>逐项合并…</source>
        <translation>Merge field by field…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="544" />
        <source>解决冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/window.py" line="544" />
        <source>确定采用所选的值？这将成为新版本并同步给对方。</source>
        <translation>Take the chosen values? They become a new version that syncs to the other office.</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="28" />
        <source>年检</source>
        <translation>Annual inspections</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="29" />
        <source>等级评估</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="30" />
        <source>双随机抽查</source>
        <translation>Spot checks</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="31" />
        <source>行政约谈</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="32" />
        <source>立案调查</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="33" />
        <source>行政处罚</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="34" />
        <source>处罚撤销</source>
        <translation>Penalty withdrawn</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="35" />
        <source>列入信用名单</source>
        <translation>Put on a credit list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="36" />
        <source>移出信用名单</source>
        <translation>Removed from a credit list</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="37" />
        <source>举报投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="52" />
        <source>监管记录</source>
        <translation>Supervision record</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="55" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="56" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="57" />
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="63" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="66" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="68" />
        <source>把选中的记录（未选中时为全部记录）复制为文本</source>
        <translation>Copy the selected entries (all of them when none is selected) as text</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="69" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/timeline_dialog.py" line="96" />
        <source>%1：共 %2 条监管记录，最新的在前。</source>
        <translation>%1: %2 supervision entries, newest first.</translation>
    </message>
</context>
<context>
    <name>TrustCardDialog</name>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="31" />
        <source>信任单位名片</source>
        <translation>Trust an office card</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="33" />
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="33" />
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="35" />
        <source>单位：</source>
        <translation>Office:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="36" />
        <source>代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="37" />
        <source>级别：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="46" />
        <source>请拨打官方通讯录上该单位的电话（不要用名片或邮件里附带的号码），请对方打开其 CivicDesk 的“同步 &gt; 已信任单位”，读出标有“（本单位）”一行的指纹，与上面的数字逐组核对。只有全部一致才能信任。</source>
        <translation>Call the office on the number in the official directory (not a number that came with the card or the mail). Ask them to open Sync &gt; Trusted offices in their CivicDesk and read the fingerprint of the row marked (this office); compare it with the digits above, group by group. Trust only if every group is identical.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="53" />
        <source>我已通过电话与对方逐组核对，指纹完全一致</source>
        <translation>I compared the fingerprint group by group with the office by phone: it is identical</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="55" />
        <source>信任该单位</source>
        <translation>Trust this office</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="57" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="62" />
        <source>该单位已信任，密钥未变，无需再次信任。</source>
        <translation>This office is trusted already with these keys; there is nothing to do.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="67" />
        <source>警告：该单位的密钥已更改！原指纹：{old}。除非对方确认更换了密钥（如重装电脑），否则请勿信任，并与对方联系。信任后将只接受新密钥签名的同步包。</source>
        <translation>WARNING: this office's key has CHANGED! Old fingerprint: {old}. Unless the office confirms it changed its key (a reinstalled PC, say), do not trust it, and call them. Once trusted, only packages signed with the new key are accepted.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="69" />
        <source>信任新密钥</source>
        <translation>Trust the new key</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="77" />
        <source>新名片的指纹：</source>
        <translation>The new card's fingerprint:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/sync/trust_dialog.py" line="78" />
        <source>名片的指纹：</source>
        <translation>The card's fingerprint:</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="39" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="39" />
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="53" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="55" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="56" />
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="59" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="60" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="107" />
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="111" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="111" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="111" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="111" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="112" />
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="118" />
        <source>新增用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="119" />
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="188" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="123" />
        <source>更改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="124" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="128" />
        <source>用户账户不能删除：离职人员请停用，审计记录中的姓名始终可查。</source>
        <translation>Accounts are never deleted: disable those who leave, so the audit trail's names stay meaningful.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="156" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="158" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="160" />
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="188" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="210" />
        <source>已启用 %1。</source>
        <translation>%1 enabled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="210" />
        <source>已停用 %1。</source>
        <translation>%1 disabled.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="217" />
        <source>%1 的角色已改为“%2”。</source>
        <translation>%1 is now '%2'.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="230" />
        <source>已新增用户 %1。</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/admin/users_dialog.py" line="237" />
        <source>已重置 %1 的密码（账户同时解锁）。</source>
        <translation>Password of %1 reset (and the account unlocked).</translation>
    </message>
</context>
<context>
    <name>VentureTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="30" />
        <source>按名称或主办单位筛选</source>
        <translation>Filter by name or organizer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="31" />
        <source>申报项目（按平均分排名）(&amp;A)</source>
        <translation>&amp;Applications (ranked by mean score)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="32" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="33" />
        <source>申报方</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="34" />
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="35" />
        <source>申请金额（元）</source>
        <translation>Asked (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="36" />
        <source>平均分</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="38" />
        <source>评审人数</source>
        <translation>Judges</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="40" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="42" />
        <source>资助金额（元）</source>
        <translation>Awarded (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="43" />
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="70" />
        <source>已拨付（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="44" />
        <source>新建一轮…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="45" />
        <source>申报…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="46" />
        <source>评分…</source>
        <translation>Score…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="47" />
        <source>资助…</source>
        <translation>Award…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="48" />
        <source>不予资助…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="49" />
        <source>拨付…</source>
        <translation>Pay…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="50" />
        <source>打印评审报告…</source>
        <translation>Print the round's report…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="54" />
        <source>待决定</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="54" />
        <source>已资助</source>
        <translation>Awarded</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="55" />
        <source>不予资助</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="58" />
        <source>公益创投</source>
        <translation>Venture philanthropy</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="58" />
        <source>金点子</source>
        <translation>Ideas contest</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="61" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="62" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="63" />
        <source>主办单位</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="64" />
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="65" />
        <source>预算（元）</source>
        <translation>Budget (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="66" />
        <source>开始申报</source>
        <translation>Opens</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="67" />
        <source>截止申报</source>
        <translation>Closes</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="68" />
        <source>申报数</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="69" />
        <source>已资助（元）</source>
        <translation>Awarded (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="81" />
        <source>%1 轮，预算 %2 元，已资助 %3 元，已拨付 %4 元。</source>
        <translation>Rounds: %1; budget %2 yuan, awarded %3 yuan, paid %4 yuan.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="96" />
        <source>请先选择一轮公益创投或金点子。</source>
        <translation>Select a round first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="97" />
        <source>请先在下表选择一个申报项目。</source>
        <translation>Select an application in the table below first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="99" />
        <source>这个项目已经作出决定。</source>
        <translation>This application has been decided.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="105" />
        <source>只有已资助的项目可以拨付。</source>
        <translation>Only an awarded project can be paid.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="136" />
        <source>新建一轮</source>
        <translation>New round</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="137" />
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="138" />
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="139" />
        <source>主办单位(&amp;O)</source>
        <translation>&amp;Organizer</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="140" />
        <source>预算（元）(&amp;B)</source>
        <translation>&amp;Budget (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="141" />
        <source>开始申报(&amp;S)</source>
        <translation>Applications open (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="142" />
        <source>截止申报(&amp;E)</source>
        <translation>Applications close (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="142" />
        <source>已新建。</source>
        <translation>Created.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="153" />
        <source>统一社会信用代码；未登记的填下一栏</source>
        <translation>Credit code; one not registered: the next field</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="160" />
        <source>申报：%1</source>
        <translation>Apply: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="161" />
        <source>组织(&amp;O)</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="162" />
        <source>申报人（未登记）(&amp;P)</source>
        <translation>A&amp;pplicant (not registered)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="163" />
        <source>项目名称(&amp;T)</source>
        <translation>Project &amp;title</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="164" />
        <source>项目简介(&amp;S)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="165" />
        <source>申请金额（元）(&amp;A)</source>
        <translation>&amp;Amount asked (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="166" />
        <source>申报日期(&amp;D)</source>
        <translation>Submitted on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="166" />
        <source>已登记申报。</source>
        <translation>Application recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="181" />
        <source>评分：%1</source>
        <translation>Scores: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="182" />
        <source>评审(&amp;J)</source>
        <translation>&amp;Judge</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="183" />
        <source>分数(&amp;S)</source>
        <translation>&amp;Score</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="184" />
        <source>评分日期(&amp;D)</source>
        <translation>Scored on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="187" />
        <source>已登记评分。</source>
        <translation>Score recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="192" />
        <source>资助：%1</source>
        <translation>Award: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="193" />
        <source>资助金额（元）(&amp;A)</source>
        <translation>&amp;Amount awarded (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="194" />
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="203" />
        <source>决定日期(&amp;D)</source>
        <translation>&amp;Decided on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="197" />
        <source>已决定资助。</source>
        <translation>Awarded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="202" />
        <source>不予资助：%1</source>
        <translation>Decline: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="205" />
        <source>已决定不予资助。</source>
        <translation>Declined.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="209" />
        <source>拨付：%1</source>
        <translation>Pay: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="210" />
        <source>金额（元）(&amp;A)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="211" />
        <source>拨付日期(&amp;D)</source>
        <translation>Paid on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="212" />
        <source>备注(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/venture_tab.py" line="215" />
        <source>已登记拨付。</source>
        <translation>Payment recorded.</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="40" />
        <source>按志愿服务队名称筛选</source>
        <translation>Filter by team name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="44" />
        <source>志愿者(&amp;V)</source>
        <translation>&amp;Volunteers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="45" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="46" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="47" />
        <source>加入日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="48" />
        <source>离队日期</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="49" />
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="55" />
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="70" />
        <source>服务时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="50" />
        <source>服务活动(&amp;A)</source>
        <translation>&amp;Activities</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="51" />
        <source>活动日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="52" />
        <source>活动名称</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="53" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="54" />
        <source>参加人数</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="57" />
        <source>登记志愿者…</source>
        <translation>Add a volunteer…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="58" />
        <source>记录服务活动…</source>
        <translation>Record an activity…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="59" />
        <source>离队…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="60" />
        <source>显示电话</source>
        <translation>Show phones</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="61" />
        <source>表彰…</source>
        <translation>Award…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="62" />
        <source>积分办法…</source>
        <translation>Points scheme…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="66" />
        <source>志愿服务队</source>
        <translation>Volunteer teams</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="67" />
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="68" />
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="69" />
        <source>服务活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="88" />
        <source>志愿服务队 %1 支，志愿者 %2 人，服务活动 %3 次，服务时长 %4 小时。</source>
        <translation>Teams: %1; volunteers %2, activities %3, hours %4. </translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="93" />
        <source>未设定志愿积分办法。</source>
        <translation>No points scheme set.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="95" />
        <source>现行积分办法：%1（自 %2 起，每小时 %3 分）。</source>
        <translation>Points scheme in force: %1 (from %2, %3 points an hour).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="109" />
        <source>请先选择一支志愿服务队。</source>
        <translation>Select a volunteer team first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="115" />
        <source>这支服务队还没有登记志愿者。</source>
        <translation>This team has no volunteers yet.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="117" />
        <source>电话已显示。</source>
        <translation>Phones are shown.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="118" />
        <source>请先在志愿者表中选择一人。</source>
        <translation>Select a volunteer in the table of volunteers first.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="119" />
        <source>这位志愿者已经离队。</source>
        <translation>This volunteer has left already.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="134" />
        <source>已显示电话（已记入审计日志）。</source>
        <translation>Phones shown (recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="147" />
        <source>登记志愿者：%1</source>
        <translation>Add a volunteer: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="148" />
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="149" />
        <source>电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="150" />
        <source>加入日期(&amp;D)</source>
        <translation>Joined on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="150" />
        <source>已登记志愿者。</source>
        <translation>Volunteer added.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="168" />
        <source>记录服务活动：%1</source>
        <translation>Record an activity: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="169" />
        <source>活动日期(&amp;D)</source>
        <translation>Held on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="170" />
        <source>活动名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="171" />
        <source>地点(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="172" />
        <source>服务时长(&amp;H)</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="172" />
        <source>已记录服务活动。</source>
        <translation>Activity recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="176" />
        <source>每位志愿者一天的服务时长合计不超过 %1 小时；未参加的留空。</source>
        <translation>A volunteer's hours of one day are at most %1 in all; leave empty who did not serve.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="185" />
        <source>兑换的积分（可不填）</source>
        <translation>Points redeemed (optional)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="193" />
        <source>表彰：%1</source>
        <translation>Award: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="194" />
        <source>表彰名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="195" />
        <source>表彰单位(&amp;B)</source>
        <translation>Awarded &amp;by</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="196" />
        <source>表彰日期(&amp;D)</source>
        <translation>Awarded on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="197" />
        <source>兑换积分(&amp;P)</source>
        <translation>&amp;Points redeemed</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="197" />
        <source>已登记表彰。</source>
        <translation>Award recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="201" />
        <source>表彰志愿者：先在志愿者表中选中一人；否则表彰整支服务队。</source>
        <translation>To award a volunteer, select them in the volunteers first; otherwise the team is awarded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="213" />
        <source>离队：%1</source>
        <translation>Leave the team: %1</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="214" />
        <source>离队日期(&amp;D)</source>
        <translation>Left on (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="214" />
        <source>已登记离队。</source>
        <translation>Leaving recorded.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="218" />
        <source>%1 加入。离队后不再记录其服务时长。</source>
        <translation>Joined on %1. After leaving, no more hours are recorded for this volunteer.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="229" />
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="242" />
        <source>志愿积分办法</source>
        <translation>Volunteer points scheme</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="243" />
        <source>办法名称(&amp;N)</source>
        <translation>Scheme &amp;name</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="244" />
        <source>起始日期(&amp;F)</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="245" />
        <source>每服务 1 小时积分(&amp;P)</source>
        <translation>&amp;Points per hour served</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="246" />
        <source>每日计分时长上限（小时）(&amp;C)</source>
        <translation>Daily &amp;cap of hours counted</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="247" />
        <source>表彰档次(&amp;A)</source>
        <translation>&amp;Award levels</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="248" />
        <source>依据(&amp;S)</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="248" />
        <source>已设定积分办法。</source>
        <translation>Points scheme set.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/cultivation/volunteers_tab.py" line="255" />
        <source>新办法自起始日起施行，现行办法于前一日截止。表彰档次按积分由低到高填写。</source>
        <translation>The new scheme applies from its first day; the current one ends the day before. Enter the award levels from the fewest points up.</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="113" />
        <source>取消</source>
        <extracomment>the tabs, in the window's order the module (in civicdesk.ui.supervision) and class of each tab's page a tab's page: made already, or (module, class) to make when the tab is first shown</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="116" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="244" />
        <source>已取消。按 F5 重新载入。</source>
        <translation>Cancelled. Press F5 to load again.</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/supervision/workbench.py" line="266" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="180" />
        <source>正在连接 %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location filename="../../civicdesk/ui/server_dialog.py" line="207" />
        <source>无法连接数据库服务器</source>
        <translation>Cannot connect to the database server</translation>
    </message>
</context>
</TS>