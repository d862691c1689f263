"""Volunteer service (志愿服务) and children's service stations (儿童服务站): refusals, labels, the CLI's words."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # volunteer teams, volunteers, activities, the points scheme, awards
    "volunteer.team.not_found": ("找不到志愿服务队“{key}”（请用记录 id 或统一社会信用代码）。",
                                 "No volunteer team '{key}' (give its record id or its credit code)."),
    "volunteer.team.wrong_kind": ("“{name}”不是志愿服务队（社区社会组织类型：{subtype}）。",
                                  "'{name}' is not a volunteer team (community type: {subtype})."),
    "volunteer.team.other_office": ("“{name}”不属本机关登记（登记机关 {office}），不能在此记录。",
                                    "'{name}' is in the register of office {office}, not this one's."),
    "volunteer.not_found": ("找不到志愿者“{key}”。", "No volunteer '{key}'."),
    "volunteer.bad_hours": ("{field} 服务时长无效：“{value}”（须大于0、不超过{max}小时，最多两位小数）。",
                            "{field}: invalid hours '{value}' (above 0, at most {max}, two decimals at most)."),
    "volunteer.day_over": ("{name} 在 {day} 已记 {already} 小时，再记 {value} 小时将超过每日上限 {max} 小时。",
                           "{name} already has {already} hours on {day}: {value} more would pass the limit of "
                           "{max} hours a day."),
    "volunteer.no_hours": ("请至少填写一名志愿者的服务时长（{field}）。",
                           "Give the hours of at least one volunteer ({field})."),
    "volunteer.other_team": ("志愿者 {name}（{key}）不是“{team}”的队员。",
                             "Volunteer {name} ({key}) is not a member of '{team}'."),
    "volunteer.not_member_on": ("志愿者 {name}（{key}）在 {day} 不在队（尚未加入或已离队）。",
                                "Volunteer {name} ({key}) was not in the team on {day} (not yet joined, or left)."),
    "volunteer.left_before_joined": ("离队日期 {value} 早于加入日期 {joined}。",
                                     "The day of leaving {value} is before the day of joining {joined}."),
    "volunteer.already_left": ("志愿者 {key} 已于 {left_on} 离队。", "Volunteer {key} left on {left_on}."),
    "volunteer.bad_rules": ("积分办法的规则“{part}”无效：{value}（per_hour 须大于0；max_hours_per_day 为1至24的整数；"
                            "awards 为积分递增的整数门槛，各有 zh、en 名称）。",
                            "The points rule '{part}' is invalid: {value} (per_hour above 0; max_hours_per_day a "
                            "whole number from 1 to 24; awards whole rising thresholds, each with zh and en)."),
    "volunteer.bad_rules_json": ("积分规则不是有效的 JSON：{value}", "The points rules are not valid JSON: {value}"),
    "volunteer.scheme_dates": ("积分办法的截止日 {value} 早于起始日 {start}。",
                               "The scheme's last day {value} is before its first day {start}."),
    "volunteer.scheme_not_after": ("新积分办法的起始日 {value} 须晚于现行办法的起始日 {last}。",
                                   "A new scheme must start after the last one's first day {last}: {value}."),
    "volunteer.no_scheme": ("本机关尚未设定志愿积分办法。", "This office has no points scheme yet."),
    "volunteer.award_one": ("表彰对象须是一名志愿者或一支志愿服务队，且只能是其一。",
                            "An award goes to one volunteer or to one team, not both, not neither."),
    "volunteer.award_team_points": ("表彰服务队不能兑换积分（积分属于志愿者）：{value}。",
                                    "A team's award redeems no points (points are a volunteer's): {value}."),
    "volunteer.bad_points": ("兑换积分无效：“{value}”（须为{min}至{max}的整数）。",
                             "Invalid points to redeem: '{value}' (a whole number from {min} to {max})."),
    "volunteer.points_over": ("兑换积分 {value} 超过该志愿者现有积分 {held}。",
                              "{value} points is more than the volunteer holds ({held})."),
    "volunteer.award_before_joined": ("表彰日期 {value} 早于该志愿者加入服务队的日期 {joined}。",
                                      "The award's day {value} is before the volunteer joined ({joined})."),
    "volunteer.bad_hours_pair": ("“{value}”不是“志愿者id=小时”。", "'{value}' is not VOLUNTEER=HOURS."),
    # children's service stations
    "station.not_found": ("找不到儿童服务站“{key}”（请用记录 id 或统一社会信用代码）。",
                          "No children's service station '{key}' (give its record id or its credit code)."),
    "station.wrong_kind": ("“{name}”不是儿童服务站（社区社会组织类型：{subtype}）。",
                           "'{name}' is not a children's service station (community type: {subtype})."),
    "station.other_office": ("“{name}”不属本机关登记（登记机关 {office}），不能在此记录。",
                             "'{name}' is in the register of office {office}, not this one's."),
    "station.bad_person_times": ("{field} 服务人次无效：“{value}”（须为{min}至{max}的整数）。",
                                 "{field}: invalid person-times '{value}' (a whole number from {min} to {max})."),
    "station.bad_of_whom": ("{field} 人次无效：“{value}”（须为{min}至服务人次{max}之间的整数）。",
                            "{field}: invalid count '{value}' (a whole number from {min} to the {max} "
                            "person-times)."),
    "station.bad_source": ("经费来源无效：“{value}”（可选：{allowed}）。",
                           "Invalid funding source '{value}' (one of: {allowed})."),
    "station.bad_year": ("经费年度无效：“{value}”（{min}至{max}）。",
                         "Invalid funding year '{value}' ({min} to {max})."),
    "station_source.foundation": ("基金会支持", "foundation"),
    "station_source.organization": ("承接组织自筹", "contracted organization"),
    "station_source.civil_affairs": ("民政部门补助", "civil affairs"),
    # the audit viewer's words for what these services write
    "audit_action.volunteer.refused": ("拒绝办理志愿服务记录", "volunteer record refused"),
    "audit_action.station.refused": ("拒绝办理儿童服务站记录", "station record refused"),
    # the command line
    "cli.volunteer.count": ("共 {count} 名志愿者。", "{count} volunteers."),
    "cli.volunteer.activities": ("共 {count} 次活动，{hours} 小时。", "{count} activities, {hours} hours."),
    "cli.volunteer.awards": ("共 {count} 项表彰。", "{count} awards."),
    "cli.volunteer.totals": ("服务 {hours} 小时，积分 {points}，已兑换 {redeemed}，现有 {balance}。",
                             "{hours} hours served, {points} points earned, {redeemed} redeemed, {balance} held."),
    "cli.station.count": ("共 {count} 个儿童服务站。", "{count} children's service stations."),
    "cli.station.days": ("共 {count} 个服务日，{times} 人次。", "{count} service days, {times} person-times."),
    "cli.station.funding": ("共 {count} 笔经费，合计 {amount} 元。", "{count} receipts, {amount} yuan in all."),
    "cli.station.totals": ("服务日 {days}，服务 {times} 人次（困境儿童 {difficulty}，留守儿童 {left}）；"
                           "经费 {funded} 元。",
                           "{days} service days, {times} person-times ({difficulty} in difficulty, {left} left "
                           "behind); {funded} yuan of funding."),
}
