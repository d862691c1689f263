"""The cultivation figures (培育发展) in the plain ``stats`` text: one line per programme, counted from the rows
(services/cultivation/figures.py)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "cli.stats.cultivation": ("  培育发展：", "  Cultivation:"),
    "cli.stats.incubation": (
        "    培育孵化基地 {bases:,} 个（市级 {city:,}，县级 {county:,}），社区社会组织孵化园 {parks:,} 个；"
        "入驻 {admitted:,} 个，孵化出壳 {graduated:,} 个",
        "    Incubation bases: {bases:,} (city {city:,}, county {county:,}), community incubation parks "
        "{parks:,}; admitted {admitted:,}, graduated {graduated:,}"),
    "cli.stats.purchased": (
        "    政府购买服务（{since}年以来）：项目 {projects:,} 个，合同金额 {contracted} 元，已付 {paid} 元",
        "    Government purchase of services (since {since}): {projects:,} projects, contracted {contracted} "
        "yuan, paid {paid} yuan"),
    "cli.stats.venture": (
        "    公益创投和大赛 {rounds:,} 轮：申报 {applications:,} 个，资助 {awarded:,} 个，资助金额 {amount} 元",
        "    Venture philanthropy and contests: {rounds:,} rounds, {applications:,} applications, "
        "{awarded:,} funded, {amount} yuan awarded"),
    "cli.stats.funds": (
        "    社区基金 {funds:,} 个（{communities:,} 个社区），累计筹集 {contributed} 元，余额 {balance} 元",
        "    Community funds: {funds:,} in {communities:,} communities, {contributed} yuan contributed, "
        "balance {balance} yuan"),
    "cli.stats.volunteers": (
        "    志愿服务队 {teams:,} 支，登记志愿者 {volunteers:,} 人，服务活动 {activities:,} 次，服务时长 {hours} 小时",
        "    Volunteer teams: {teams:,}, {volunteers:,} volunteers, {activities:,} activities, {hours} hours"),
    "cli.stats.stations": (
        "    儿童服务站 {stations:,} 个：服务 {days:,} 天次、{person_times:,} 人次（困境儿童 {in_difficulty:,}，"
        "留守儿童 {left_behind:,}）",
        "    Children's service stations: {stations:,}; {days:,} service days, {person_times:,} person-times "
        "(children in difficulty {in_difficulty:,}, left-behind {left_behind:,})"),
}
