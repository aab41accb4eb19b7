window.YTD.tweet_headers.part0 = [
  {
    "tweet" : {
      "tweet_id" : "1853790407091569131",
      "user_id" : "483920175",
      "created_at" : "Tue Nov 05 13:24:09 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1845193853309601850",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 12 20:04:31 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1837424026210356873",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 21 09:30:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1819644060601799896",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 03 07:58:46 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1802063541962989942",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 15 19:40:03 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1784332028954240965",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 27 21:21:21 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1766494769153043988",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 09 16:02:27 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1748650492281255011",
      "user_id" : "483920175",
      "created_at" : "Sat Jan 20 10:15:40 +0000 2024"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1733398106533591730",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 09 08:08:08 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1710712906591338753",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 07 17:45:15 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1692791265208208799",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 19 06:51:02 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1667503004706083822",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 10 12:04:31 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1667501867475638845",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 10 12:00:00 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649838880486398993",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:13:36 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649838305292690016",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:11:19 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649837730098981039",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:09:02 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649837159099576062",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:06:45 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649836583905867085",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:04:28 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1649836008712158108",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 22 18:02:11 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1626858964094330587",
      "user_id" : "483920175",
      "created_at" : "Sat Feb 18 08:19:37 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1591550943349517610",
      "user_id" : "483920175",
      "created_at" : "Sat Nov 12 21:58:09 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1566050236581427656",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 03 13:07:26 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1538228485865817702",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 18 18:33:44 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1522874128203500725",
      "user_id" : "483920175",
      "created_at" : "Sat May 07 09:41:00 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1507814730775679748",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 26 20:20:20 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1492438843746736467",
      "user_id" : "483920175",
      "created_at" : "Sat Feb 12 10:02:03 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1484912852510531490",
      "user_id" : "483920175",
      "created_at" : "Sat Jan 22 15:36:27 +0000 2022"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1469624236369110513",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 11 11:04:56 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1444388844494844559",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 02 19:48:30 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1426439777131919582",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 14 07:05:19 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1401228607937314605",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 05 17:25:08 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1393539709929555324",
      "user_id" : "483920175",
      "created_at" : "Sat May 15 12:12:12 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1378271050286566347",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 03 09:00:00 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1373386553972331034",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 20 21:30:45 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1357994990878988393",
      "user_id" : "483920175",
      "created_at" : "Sat Feb 06 10:10:10 +0000 2021"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1340307081854623416",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 19 14:44:44 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1322632602991666439",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 31 20:12:40 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1299614148819397462",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 29 07:45:33 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1271729068881752485",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 13 09:00:12 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1251576226112649204",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 18 18:20:00 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1243847805182492227",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 28 10:30:00 +0000 2020"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1198209091476802273",
      "user_id" : "483920175",
      "created_at" : "Sat Nov 23 11:58:03 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1170370207603413296",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 07 16:16:16 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1155026495084648319",
      "user_id" : "483920175",
      "created_at" : "Sat Jul 27 08:05:50 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1127298630243835342",
      "user_id" : "483920175",
      "created_at" : "Sat May 11 19:45:12 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1106867705119532061",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 16 10:40:00 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1086612542308543084",
      "user_id" : "483920175",
      "created_at" : "Sat Jan 19 13:13:13 +0000 2019"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1068797269048914107",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 01 09:21:40 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1053663015303544153",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 20 15:03:33 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1030909741807371176",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 18 20:10:10 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1005413569655966199",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 09 11:37:29 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "990275130569265222",
      "user_id" : "483920175",
      "created_at" : "Sat Apr 28 17:02:44 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "962263672053601941",
      "user_id" : "483920175",
      "created_at" : "Sat Feb 10 09:55:12 +0000 2018"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "944519035067636964",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 23 10:44:20 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "919266128353927987",
      "user_id" : "483920175",
      "created_at" : "Sat Oct 14 18:18:18 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "893735827150875010",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 05 07:30:00 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "876083975983937056",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 17 14:27:51 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "845563191218388079",
      "user_id" : "483920175",
      "created_at" : "Sat Mar 25 09:09:09 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "818064876436996798",
      "user_id" : "483920175",
      "created_at" : "Sun Jan 08 12:00:40 +0000 2017"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "802628016814999821",
      "user_id" : "483920175",
      "created_at" : "Sat Nov 26 21:40:05 +0000 2016"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "774553002015018844",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 10 10:20:00 +0000 2016"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "756893043832509867",
      "user_id" : "483920175",
      "created_at" : "Sat Jul 23 16:45:38 +0000 2016"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "726685644878928890",
      "user_id" : "483920175",
      "created_at" : "Sun May 01 08:12:13 +0000 2016"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "698952461660643913",
      "user_id" : "483920175",
      "created_at" : "Sun Feb 14 19:30:27 +0000 2016"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "673107222753142936",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 05 11:50:42 +0000 2015"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "645301871761978678",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 19 18:22:10 +0000 2015"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "607271995185101701",
      "user_id" : "483920175",
      "created_at" : "Sat Jun 06 19:45:00 +0000 2015"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "587247133218144724",
      "user_id" : "483920175",
      "created_at" : "Sun Apr 12 13:33:21 +0000 2015"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "558928655848179747",
      "user_id" : "483920175",
      "created_at" : "Sat Jan 24 10:05:50 +0000 2015"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "529003902652550770",
      "user_id" : "483920175",
      "created_at" : "Sun Nov 02 20:15:33 +0000 2014"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "500532446432793793",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 16 06:40:09 +0000 2014"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "470622331358124816",
      "user_id" : "483920175",
      "created_at" : "Sun May 25 17:48:02 +0000 2014"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "442681344964208558",
      "user_id" : "483920175",
      "created_at" : "Sun Mar 09 15:20:31 +0000 2014"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "424499204322307581",
      "user_id" : "483920175",
      "created_at" : "Sat Jan 18 11:11:11 +0000 2014"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "406167046009238604",
      "user_id" : "483920175",
      "created_at" : "Thu Nov 28 21:05:44 +0000 2013"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "378797861269289627",
      "user_id" : "483920175",
      "created_at" : "Sat Sep 14 08:30:22 +0000 2013"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "351418085911740650",
      "user_id" : "483920175",
      "created_at" : "Sun Jun 30 19:12:55 +0000 2013"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "325983549057615673",
      "user_id" : "483920175",
      "created_at" : "Sun Apr 21 14:45:09 +0000 2013"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "298008245446626696",
      "user_id" : "483920175",
      "created_at" : "Sun Feb 03 10:01:17 +0000 2013"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "279986679534867415",
      "user_id" : "483920175",
      "created_at" : "Sat Dec 15 16:30:00 +0000 2012"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "254919705743417461",
      "user_id" : "483920175",
      "created_at" : "Sun Oct 07 12:22:48 +0000 2012"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "239452844264908484",
      "user_id" : "483920175",
      "created_at" : "Sat Aug 25 20:03:01 +0000 2012"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "203755789241183507",
      "user_id" : "483920175",
      "created_at" : "Sat May 19 07:55:40 +0000 2012"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "175651737274610530",
      "user_id" : "483920175",
      "created_at" : "Fri Mar 02 18:40:12 +0000 2012"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "168261511464581553",
      "user_id" : "483920175",
      "created_at" : "Sat Feb 11 09:14:05 +0000 2012"
    }
  }
]