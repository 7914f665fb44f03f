#!/usr/bin/env python3
# Writes data/samples/saas-launch.gtm, the sample project: the launch of
# "Beacon Analytics / 灯塔分析", a product analytics cloud for mid-size
# retailers, with boards, personas and every kind of PMM content.
#
# Usage (from the source root, after building):
#   build-aux/make-saas-launch-sample.py data/samples/saas-launch.gtm
#   build/tests/core/test-format --rewrite data/samples/saas-launch.gtm
#
# The second step rewrites the file exactly as GTM Studio saves it (every
# member, in order), which is how the sample is committed and what
# test-format checks.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import json
import math
import struct
import sys
import zlib


def png(width, height, pixel):
    """A PNG file (RGBA, 8 bits) from pixel(x, y) -> (r, g, b, a)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(tag, data):
        return (struct.pack('>I', len(data)) + tag + data +
                struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff))

    header = struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) +
            chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b''))


def logo_pixel(x, y, size=64):
    """A lighthouse on a blue disc with a yellow beam."""
    cx, cy = size / 2 - 0.5, size / 2 - 0.5
    r = math.hypot(x - cx, y - cy)
    if r > 31:
        return (0, 0, 0, 0)
    # Beam: a wedge from the lamp to the upper right.
    lamp_x, lamp_y = 32, 20
    angle = math.atan2(lamp_y - y, x - lamp_x)
    if x > lamp_x and 0.05 < angle < 0.55:
        return (248, 228, 92, 255)
    # Tower: a trapezoid, white with a red band.
    if 22 <= y <= 54:
        half = 4 + (y - 22) * 5 / 32
        if abs(x - 32) <= half:
            return (224, 27, 36, 255) if 34 <= y <= 39 else (255, 255, 255, 255)
    # Lamp room.
    if 15 <= y <= 21 and abs(x - 32) <= 4:
        return (248, 228, 92, 255)
    if 12 <= y <= 14 and abs(x - 32) <= 5:
        return (36, 31, 49, 255)
    # Sea.
    if y > 50:
        return (26, 95, 180, 255)
    return (53, 132, 228, 255)


LOGO = base64.b64encode(png(64, 64, logo_pixel)).decode('ascii')

YELLOW, BLUE, GREEN, ORANGE, RED, PURPLE, GREY = (
    '#fff3a3', '#c6e0ff', '#c7f0d2', '#ffd8a8', '#ffc9c9', '#e5d4ff', '#f6f5f4')


class Board:
    def __init__(self, key, name, background='#fafafa'):
        self.key = key
        self.count = 0
        self.data = {'id': 'board-%s' % key, 'name': name, 'background': background, 'items': []}

    def add(self, kind, **fields):
        self.count += 1
        item_id = '%s-%s%02d' % (kind, self.key, self.count)
        item = {'kind': kind, 'id': item_id}
        item.update({k.replace('_', '-'): v for k, v in fields.items()})
        self.data['items'].append(item)
        return item_id

    def note(self, x, y, text, fill=YELLOW, **more):
        return self.add('note', x=x, y=y, width=160, height=160, fill=fill, text=text, **more)

    def text(self, x, y, text, width=960, height=48, size=28, bold=True):
        return self.add('text', x=x, y=y, width=width, height=height, font_size=size, bold=bold,
                        align='start', text=text)

    def frame(self, x, y, width, height, title, fill=GREY):
        return self.add('frame', x=x, y=y, width=width, height=height, fill=fill,
                        stroke='#c0bfbc', bold=True, align='start', text=title)

    def shape(self, shape, x, y, width, height, text='', fill='#dbe9fa', stroke='#1c71d8'):
        return self.add('shape', shape=shape, x=x, y=y, width=width, height=height, fill=fill,
                        stroke=stroke, text=text)

    def connect(self, source, target, label=''):
        return self.add('connector', source=source, target=target, stroke='#5e5c64',
                        font_size=13, text=label)


def overview_board():
    b = Board('ov01', 'Launch overview 发布总览')
    b.add('image', x=0, y=0, width=64, height=64, data=LOGO, mime_type='image/png')
    b.text(80, 8, 'Beacon Analytics 灯塔分析 — Q3 2024 launch')
    phases = [('Phase 1 · Prepare 准备 (Jul)', BLUE), ('Phase 2 · Launch 发布 (Aug–Sep)', ORANGE),
              ('Phase 3 · Grow 增长 (Sep →)', GREEN)]
    notes = [
        ['Beta with 12 retailers\n12 家客户内测', 'Pricing & packaging signed off\n定价方案确认',
         'Case study: 优选超市 +9% repeat visits'],
        ['Sales training & battlecards\n销售培训', 'Launch webinar 发布直播\n8 Sep', 'Press & KOL briefings'],
        ['Nurture trial users\n试用用户培育', 'Partner program with POS vendors', 'Review metrics weekly'],
    ]
    previous = None
    for i, ((title, colour), texts) in enumerate(zip(phases, notes)):
        x = i * 620
        b.frame(x, 100, 580, 620, title)
        ids = [b.note(x + 30 + (j % 2) * 270, 160 + (j // 2) * 260, t, fill=colour)
               for j, t in enumerate(texts)]
        b.connect(ids[0], ids[1])
        b.connect(ids[1], ids[2])
        if previous:
            b.connect(previous, ids[0], 'then 然后')
        previous = ids[2]
    go = b.shape('diamond', 640, 760, 200, 120, 'Go / no-go\n8 Aug')
    day = b.shape('ellipse', 1000, 760, 200, 120, 'Launch day 发布日\n10 Sep',
                  fill='#ffe5b4', stroke='#c64600')
    b.connect(go, day, 'go')
    return b.data


def swot_board():
    b = Board('sw01', 'SWOT', '#ffffff')
    b.text(0, 0, 'SWOT — Beacon Analytics')
    quadrants = [
        ('Strengths 优势', GREEN, 0, 80, ['WeChat mini-program tracking built in',
                                          '一小时接入主流 POS', 'Retail dashboards out of the box']),
        ('Weaknesses 劣势', RED, 640, 80, ['Sales team of 6', 'No offline deployment yet']),
        ('Opportunities 机会', BLUE, 0, 560, ['Retail digitalisation subsidies 数字化补贴',
                                              'Mid-size chains outgrow spreadsheets',
                                              'POS vendors want analytics partners']),
        ('Threats 威胁', ORANGE, 640, 560, ['Cloud suites bundle basic BI for free',
                                           '数据合规要求收紧 (PIPL)']),
    ]
    for title, colour, x, y, texts in quadrants:
        b.frame(x, y, 600, 440, title)
        for j, t in enumerate(texts):
            b.note(x + 20 + j * 190, y + 60, t, fill=colour)
    return b.data


def value_board():
    b = Board('vp01', 'Value proposition canvas 客户价值图')
    b.text(0, 0, 'Value proposition canvas — marketing team of a mid-size retailer')
    b.text(0, 64, 'Value map 价值地图', width=640, height=36, size=20)
    b.text(720, 64, 'Customer profile 客户画像', width=760, height=36, size=20)
    b.shape('rectangle', 0, 110, 640, 640, fill='#f0f6ff', stroke='#1c71d8')
    b.shape('ellipse', 720, 110, 760, 640, fill='#fff8e6', stroke='#c88800')
    b.note(40, 160, 'Product: Beacon cloud\n(dashboards, cohorts, funnels)', fill=BLUE)
    b.note(40, 360, 'Service: onboarding in one hour\n一小时上线', fill=BLUE)
    relief_merge = b.note(440, 160, 'Pain reliever: one data model, no copy-paste', fill=GREEN)
    relief_attr = b.note(440, 360, 'Pain reliever: attribution across store, app, WeChat', fill=GREEN)
    b.note(240, 540, 'Gain creator: alerts when a store dips', fill=PURPLE)
    gain_auto = b.note(440, 540, 'Gain creator: automatic weekly report', fill=PURPLE)
    pain_data = b.note(860, 160, 'Pain: data in five systems 数据分散', fill=RED)
    pain_roi = b.note(860, 360, 'Pain: can\'t show ROI to the CEO', fill=RED)
    gain_time = b.note(860, 540, 'Gain: report done before lunch 爽点', fill=ORANGE)
    b.note(1080, 260, 'Job: prove which campaigns work\n证明活动效果', fill=YELLOW)
    b.note(1080, 460, 'Gain: praised in the Monday meeting', fill=ORANGE)
    b.connect(relief_merge, pain_data, 'relieves')
    b.connect(relief_attr, pain_roi, 'relieves')
    b.connect(gain_auto, gain_time, 'creates')
    return b.data


def journey_board():
    b = Board('cj01', 'Customer journey 用户旅程')
    b.text(0, 0, 'Customer journey — 李丽 Lily, marketing analyst')
    stages = [
        ('Awareness 认知', ['Sees a case study shared by a peer in WeChat', 'Thinks: "Could this fix our weekly report?"']),
        ('Consideration 考虑', ['Compares with LensIQ and the BI team\'s plan', 'Feels: worried IT will say no']),
        ('Trial 试用', ['Connects the POS in the 14-day trial', 'Gap: no connector for 海鼎 POS → product team']),
        ('Purchase 购买', ['CMO signs the Growth plan', 'Touchpoint: account manager + pricing sheet']),
        ('Loyalty 忠诚', ['Shares dashboards with store managers', 'Refers two peers (NPS 9)']),
    ]
    frames = []
    for i, (title, texts) in enumerate(stages):
        x = i * 400
        frames.append(b.frame(x, 80, 360, 560, title))
        for j, t in enumerate(texts):
            b.note(x + 100, 140 + j * 220, t, fill=RED if t.startswith('Gap') else [BLUE, YELLOW][j])
    for a, c in zip(frames, frames[1:]):
        b.connect(a, c)
    return b.data


CMO = 'persona-cmo000000001'
VPO = 'persona-vpo000000002'
ANALYST = 'persona-ana000000003'

project = {
    'format': 'gtm-studio',
    'version': 1,
    'id': 'project-beacon0q3001',
    'title': '灯塔分析 Beacon Analytics — Q3 2024 launch',
    'product-name': 'Beacon Analytics 灯塔分析',
    'language': 'zh-CN',
    'created': '2024-05-06T09:00:00+08:00',
    'modified': '2024-06-28T18:30:00+08:00',
    'brief': {
        'audience': 'Marketing and operations teams of mid-size retail chains (50–500 stores) 中型连锁零售企业',
        'problems': [
            'Store, app and WeChat mini-program data live in separate systems 数据分散在多个系统',
            'Nobody can say which campaign brought shoppers back',
            'The weekly report takes two analysts three days 周报要花三天',
        ],
        'success-measures': [
            '300 paying customers by 31 Dec 2024',
            'Median time to first dashboard under 1 hour',
            'NPS ≥ 40 after 90 days',
        ],
        'business-goal': 'acquire',
        'company-goal': 'Become the analytics layer of Chinese mid-market retail by 2026',
        'scenarios': [
            '直营连锁 Company-run chains: one HQ team analyses every store',
            '加盟连锁 Franchise chains: each franchisee sees only its own stores; HQ sees all',
            'Single-brand e-commerce + stores: online and offline members merged',
        ],
        'onboarding-friction': 'Connecting the POS system usually needs the retailer\'s IT team.\n'
                               'Historical data import can take a day for large chains.\n'
                               '首次使用需要 IT 配合。',
        'vision': '让每一家零售企业都像头部品牌一样懂顾客。\n'
                  'Every retailer understands its shoppers as well as the biggest brands do.',
    },
    'swot': {
        'strengths': ['WeChat mini-program tracking built in', '一小时接入主流 POS',
                      'Retail dashboards out of the box'],
        'weaknesses': ['Sales team of 6', 'No offline (on-premise) deployment yet'],
        'opportunities': ['Retail digitalisation subsidies 数字化补贴',
                          'Mid-size chains outgrow spreadsheets', 'POS vendors want analytics partners'],
        'threats': ['Cloud suites bundle basic BI for free', '数据合规要求收紧 (PIPL)'],
    },
    'messaging': {
        'audience': 'mid-size retail chains',
        'need': 'need to know which campaigns bring shoppers back',
        'category': 'product analytics cloud',
        'benefit': 'joins store, app and mini-program data into one view of every shopper',
        'alternative': 'spreadsheets and six-month BI projects',
        'differentiator': 'works out of the box with Chinese POS systems and WeChat, live in an hour',
        'why': 'Retailers spend more on campaigns every year and still can\'t tell which ones work.',
        'how': 'We connect every touchpoint — POS, app, mini-program, CRM —\n'
               'and model each shopper\'s journey automatically.',
        'what': 'Dashboards, cohorts, funnels, attribution and alerts, built for retail.\n'
                '仪表盘、同期群、漏斗、归因和预警。',
        'elevator-pitch': '灯塔分析帮助中型连锁零售企业在一个平台上看清每一位顾客：'
                          '一小时接入门店 POS 和微信小程序，马上知道哪场活动真正带回了顾客。\n'
                          'Beacon Analytics shows mid-size retailers every shopper in one place: '
                          'connect your POS and WeChat mini-program in an hour and see which '
                          'campaigns really bring people back.',
        'brand-voice': 'Confident, concrete, friendly — numbers over adjectives 用数据说话',
        'benefits': ['See every shopper journey 看清每一位顾客', 'Prove campaign ROI to the board',
                     'Reports in minutes, not days', 'No IT project needed'],
        'key-messages': [
            {'id': 'message-cmo00000001', 'persona': CMO,
             'headline': 'Prove the ROI of every campaign 每一分营销预算都看得见',
             'body': 'Attribution across stores, app and WeChat, per campaign and per channel.\n'
                     'Board-ready numbers every Monday.'},
            {'id': 'message-vpo00000002', 'persona': VPO,
             'headline': 'Spot the stores that need help before the month ends',
             'body': 'Alerts when traffic, conversion or basket size dip, store by store.'},
            {'id': 'message-ana00000003', 'persona': ANALYST,
             'headline': 'Your weekly report, done before lunch 周报半天搞定',
             'body': 'No more copy-paste from five systems: one data model, saved reports, '
                     'scheduled exports.'},
            {'id': 'message-all00000004', 'persona': '',
             'headline': 'Live in an hour, not a quarter 一小时上线',
             'body': 'Connectors for the POS systems Chinese retailers use, and WeChat built in.'},
        ],
    },
    'pricing': {
        'strategy': 'value-based',
        'currency': 'CNY',
        'notes': 'Prices per month, billed annually; monthly billing +20%.\n'
                 'Launch promotion: first three months of Growth at Starter price until 31 Oct.\n'
                 '上线优惠：10 月 31 日前签约，成长版前三个月按入门版计费。',
        'tiers': [
            {'id': 'tier-starter000001', 'name': 'Starter 入门版', 'price': 2999, 'period': 'month',
             'audience': 'Chains up to 50 stores', 'features': [
                 '10 dashboards', 'POS + WeChat connectors', '12 months of history', 'Email support']},
            {'id': 'tier-growth0000002', 'name': 'Growth 成长版', 'price': 7999, 'period': 'month',
             'audience': 'Chains of 50–300 stores', 'features': [
                 'Unlimited dashboards', 'Cohorts and attribution', 'Store alerts',
                 '36 months of history', 'Customer success manager']},
            {'id': 'tier-enterprise003', 'name': 'Enterprise 企业版', 'price': 24000, 'period': 'month',
             'audience': 'Chains over 300 stores, franchise groups', 'features': [
                 'Everything in Growth', 'Franchise data separation', 'API and data export',
                 'SSO', '99.9% SLA']},
        ],
    },
    'launch-plan': {
        'launch-date': '2024-09-10',
        'activities': [
            {'id': 'activity-beta0000001', 'name': 'Closed beta with 12 retailers 封闭内测', 'team': 'Product',
             'owner': '王芳 Wang Fang', 'start': '2024-07-01', 'end': '2024-08-09', 'external': True},
            {'id': 'activity-price000002', 'name': 'Pricing and packaging sign-off', 'team': 'PMM',
             'owner': 'Chen Jing 陈静', 'start': '2024-07-08', 'end': '2024-07-19'},
            {'id': 'activity-case0000003', 'name': 'Case study: 优选超市', 'team': 'PMM',
             'owner': 'Chen Jing 陈静', 'start': '2024-07-15', 'end': '2024-08-16', 'external': True},
            {'id': 'activity-gonogo00004', 'name': 'Go / no-go review', 'team': 'Leadership',
             'owner': 'CEO', 'start': '2024-08-08', 'end': '2024-08-08', 'milestone': True},
            {'id': 'activity-train000005', 'name': 'Sales training and battlecards 销售培训',
             'team': 'Sales enablement', 'owner': 'Li Wei 李伟', 'start': '2024-08-12',
             'end': '2024-08-23'},
            {'id': 'activity-site0000006', 'name': 'Website and pricing page', 'team': 'Marketing',
             'owner': 'Zhou Min 周敏', 'start': '2024-08-05', 'end': '2024-09-06'},
            {'id': 'activity-press000007', 'name': 'Press and KOL briefings 媒体沟通', 'team': 'PR',
             'owner': 'Zhou Min 周敏', 'start': '2024-08-26', 'end': '2024-09-09', 'external': True},
            {'id': 'activity-webinar0008', 'name': 'Launch webinar 发布直播', 'team': 'Marketing',
             'owner': 'Chen Jing 陈静', 'start': '2024-09-08', 'end': '2024-09-08', 'external': True},
            {'id': 'activity-launch00009', 'name': 'Launch day 发布日', 'team': 'Everyone',
             'owner': 'Chen Jing 陈静', 'start': '2024-09-10', 'end': '2024-09-10', 'milestone': True,
             'external': True},
            {'id': 'activity-expo0000010', 'name': 'China Retail Expo booth 零售展', 'team': 'Events',
             'owner': 'Li Wei 李伟', 'start': '2024-09-18', 'end': '2024-09-20', 'external': True},
            {'id': 'activity-nurture0011', 'name': 'Trial nurture emails', 'team': 'Growth',
             'owner': 'Zhou Min 周敏', 'start': '2024-09-10', 'end': '2024-09-30', 'external': True},
            {'id': 'activity-review00012', 'name': '30-day launch review 复盘', 'team': 'PMM',
             'owner': 'Chen Jing 陈静', 'start': '2024-09-30', 'end': '2024-09-30', 'milestone': True},
        ],
    },
    'metrics': {
        'funnel': [
            {'id': 'stage-aware0000001', 'name': 'Awareness 认知', 'count': 200000},
            {'id': 'stage-interest0002', 'name': 'Interest 兴趣', 'count': 12000},
            {'id': 'stage-trial0000003', 'name': 'Trial 试用', 'count': 1500},
            {'id': 'stage-purchase0004', 'name': 'Purchase 购买', 'count': 300},
            {'id': 'stage-loyalty00005', 'name': 'Loyalty 忠诚', 'count': 240},
        ],
        'metrics': [
            {'id': 'metric-penetration1', 'name': 'Market penetration 市场渗透率', 'kind': 'market-penetration',
             'formula': 'current customers / target market size × 100', 'target': 5, 'current': 0.8,
             'unit': '%'},
            {'id': 'metric-nps000000002', 'name': 'NPS 净推荐值', 'kind': 'nps',
             'formula': '% promoters (9–10) − % detractors (0–6)', 'target': 40, 'current': 31,
             'unit': 'points'},
            {'id': 'metric-roi000000003', 'name': 'Launch campaign ROI', 'kind': 'roi',
             'formula': '(return − cost) / cost', 'target': 3, 'current': 1.6, 'unit': '×'},
            {'id': 'metric-ltv000000004', 'name': 'Customer lifetime value', 'kind': 'ltv',
             'formula': 'average monthly revenue × gross margin × average lifetime (months)',
             'target': 260000, 'current': 198000, 'unit': 'CNY'},
            {'id': 'metric-conversion05', 'name': 'Trial-to-paid conversion 试用转化率',
             'kind': 'conversion-rate', 'formula': 'paying customers / trials × 100', 'target': 25,
             'current': 20, 'unit': '%'},
        ],
    },
    'boards': [overview_board(), swot_board(), value_board(), journey_board()],
    'personas': [
        {'id': CMO, 'kind': 'buyer', 'name': '张伟 Zhang Wei', 'avatar-color': '#e66100', 'age': 46,
         'gender': 'Male 男', 'location': 'Shanghai 上海', 'education': 'MBA, CEIBS',
         'job-title': 'CMO 首席营销官', 'income': '¥1.5M a year',
         'goals': ['Grow same-store sales 8% this year', 'Show the board what marketing returns',
                   '建立会员数据资产'],
         'challenges': ['Cannot prove campaign ROI', 'Analysts spend days on reports',
                        'IT backlog of six months'],
         'traits': ['Data-driven 重数据', 'Impatient with long projects', 'Trusts peers over vendors'],
         'buying-role': 'decision-maker',
         'influences': ['Peer CMOs in the retail association', 'Case studies with numbers',
                        '行业峰会 Industry summits', 'The local account manager'],
         'jobs': [], 'pains': [], 'gains': [], 'scenario': '',
         'notes': 'Met at RetailTech Shanghai 2024. Signs contracts up to ¥500k without the CEO.'},
        {'id': VPO, 'kind': 'buyer', 'name': '林莎 Sarah Lin', 'avatar-color': '#1c71d8', 'age': 41,
         'gender': 'Female 女', 'location': 'Hangzhou 杭州', 'education': 'BSc Industrial Engineering',
         'job-title': 'VP Operations 运营副总裁', 'income': '¥1.1M a year',
         'goals': ['Lift the weakest 20% of stores', 'One view of store performance'],
         'challenges': ['Store reports arrive a week late', 'Franchisees share data reluctantly'],
         'traits': ['Pragmatic', 'Detail-oriented 注重细节'],
         'buying-role': 'influencer',
         'influences': ['Store managers\' feedback', 'Demo with her own data', 'POS vendor advice'],
         'jobs': [], 'pains': [], 'gains': [], 'scenario': '',
         'notes': 'Co-signs anything that touches store systems.'},
        {'id': ANALYST, 'kind': 'user', 'name': '李丽 Lily Li', 'avatar-color': '#26a269', 'age': 27,
         'gender': 'Female 女', 'location': 'Hangzhou 杭州', 'education': 'BSc Statistics',
         'job-title': 'Marketing analyst 市场分析师', 'income': '',
         'goals': [], 'challenges': [], 'traits': ['Curious', 'Excel power user'],
         'buying-role': 'user', 'influences': [],
         'jobs': ['Build the weekly campaign report 每周活动报告', 'Answer ad-hoc questions from the CMO',
                  'Set up segments for the CRM team'],
         'pains': ['Copy-pasting from five systems 复制粘贴', 'Numbers that don\'t match between systems',
                   'Waiting for IT to export data'],
         'gains': ['Report done before lunch 爽点', 'Praised in the Monday meeting',
                   'Time for real analysis'],
         'scenario': 'Monday 9:00: opens Beacon, checks last week\'s campaigns by channel,\n'
                     'exports the board view for the 11:00 management meeting.\n'
                     '周一早上九点打开灯塔，十一点前完成周报。',
         'notes': ''},
    ],
    'segments': [
        {'id': 'segment-grocery00001', 'name': 'Regional supermarket chains 区域连锁超市',
         'industry': 'Grocery retail', 'company-size': '50–500 stores', 'geography': 'East China 华东',
         'buying-behaviour': 'Annual budget in Q4; CMO decides, IT reviews', 'market-size': 1800,
         'priority': 1,
         'rationale': 'Most loyalty data, most campaigns, most pain.\nShortest sales cycle in the beta.'},
        {'id': 'segment-pharmacy0002', 'name': 'Pharmacy chains 连锁药店', 'industry': 'Pharmacy',
         'company-size': '100+ stores', 'geography': 'National 全国',
         'buying-behaviour': 'Committee purchase; compliance review', 'market-size': 950, 'priority': 2,
         'rationale': 'Member programs are large; compliance slows deals.'},
        {'id': 'segment-fashion00003', 'name': 'Fashion and apparel brands 服装品牌',
         'industry': 'Apparel', 'company-size': '30–300 stores', 'geography': 'Tier 1–2 cities',
         'buying-behaviour': 'E-commerce team drives; fast decisions', 'market-size': 2400,
         'priority': 3, 'rationale': 'Strong online data already; we add the stores.'},
        {'id': 'segment-franchise004', 'name': 'Franchise groups 加盟连锁', 'industry': 'Food & beverage',
         'company-size': '200+ outlets', 'geography': 'National 全国',
         'buying-behaviour': 'HQ buys, franchisees must agree to share data', 'market-size': 600,
         'priority': 4, 'rationale': 'Needs the Enterprise data separation; later in 2025.'},
    ],
    'competitors': [
        {'id': 'competitor-lensiq01', 'name': 'LensIQ 透镜数据', 'tier': 'primary',
         'strengths': ['Well-known brand', 'Large implementation team', 'Strong in e-commerce'],
         'weaknesses': ['Expensive: ¥400k+ a year', 'Three-month implementations', 'Weak POS coverage'],
         'differentiators': ['On-premise deployment', 'Custom event tracking'],
         'pricing': 'From ¥400,000 a year plus implementation',
         'target-audience': 'Large retailers and platforms',
         'how-we-win': 'Live in an hour versus a quarter.\nRetail templates and POS connectors included.\n'
                       'Price fits a mid-size budget.',
         'landmines': ['Ask how long their last implementation took',
                       'Ask which POS systems they connect out of the box'],
         'objections': ['"LensIQ is the market leader" → show the 优选超市 case: live in one day',
                        '"You are too small" → reference customers and the 99.9% SLA']},
        {'id': 'competitor-northwind', 'name': 'Northwind BI', 'tier': 'secondary',
         'strengths': ['General-purpose BI', 'Bundled with the cloud suite'],
         'weaknesses': ['No retail model', 'Needs data engineers'],
         'differentiators': ['Free with the suite'], 'pricing': 'Bundled; ¥50 per user per month',
         'target-audience': 'IT and finance departments',
         'how-we-win': 'Northwind needs a data team; Beacon gives marketing answers on day one.',
         'landmines': ['Ask who will build the data model'], 'objections': ['"We already pay for BI"']},
        {'id': 'competitor-sheetflow', 'name': 'SheetFlow 表格流', 'tier': 'tertiary',
         'strengths': ['Everyone knows spreadsheets', 'Cheap'],
         'weaknesses': ['Manual', 'Error-prone', 'No shopper-level data'],
         'differentiators': [], 'pricing': '¥30 per user per month',
         'target-audience': 'Small teams',
         'how-we-win': 'Position as the source SheetFlow reports read from: export to SheetFlow.',
         'landmines': [], 'objections': ['"Our analysts are happy with spreadsheets"']},
    ],
}

with open(sys.argv[1] if len(sys.argv) > 1 else 'saas-launch.gtm', 'w', encoding='utf-8') as f:
    json.dump(project, f, ensure_ascii=False, indent=2)
    f.write('\n')
