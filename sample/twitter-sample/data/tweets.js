window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1853790407091569131"
          ],
          "editableUntil" : "2024-11-05T14:24:09.467Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/5GXeDDNerR",
            "expanded_url" : "https://example.com/blog/lisbon-to-santiago",
            "display_url" : "example.com/blog/lisbon-t…",
            "indices" : [
              "83",
              "106"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "31",
      "id_str" : "1853790407091569131",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1853790407091569131",
      "possibly_sensitive" : false,
      "created_at" : "Tue Nov 05 13:24:09 +0000 2024",
      "favorited" : false,
      "full_text" : "Wrote up the whole Lisbon to Santiago route, with maps and the cafés worth a stop: https://t.co/5GXeDDNerR",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1845193853309601850"
          ],
          "editableUntil" : "2024-10-12T21:04:31.330Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "104",
              "117"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1845193853309601850/photo/1",
            "indices" : [
              "118",
              "141"
            ],
            "url" : "https://t.co/orhGXAXu5r",
            "media_url" : "http://pbs.twimg.com/media/2G8u528kxAAAX0.jpg",
            "id_str" : "1845193853309600850",
            "id" : "1845193853309600850",
            "media_url_https" : "https://pbs.twimg.com/media/2G8u528kxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/orhGXAXu5r"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "141"
      ],
      "favorite_count" : "87",
      "id_str" : "1845193853309601850",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1845193853309601850",
      "possibly_sensitive" : false,
      "created_at" : "Sat Oct 12 20:04:31 +0000 2024",
      "favorited" : false,
      "full_text" : "Santiago trip done: 610 km in seven days, Lisbon to Santiago de Compostela. Legs destroyed, heart full. #LisbonByBike https://t.co/orhGXAXu5r",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1845193853309601850/photo/1",
            "indices" : [
              "118",
              "141"
            ],
            "url" : "https://t.co/orhGXAXu5r",
            "media_url" : "http://pbs.twimg.com/media/2G8u528kxAAAX0.jpg",
            "id_str" : "1845193853309600850",
            "id" : "1845193853309600850",
            "media_url_https" : "https://pbs.twimg.com/media/2G8u528kxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/orhGXAXu5r"
          },
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1845193853309601850/photo/1",
            "indices" : [
              "118",
              "141"
            ],
            "url" : "https://t.co/orhGXAXu5r",
            "media_url" : "http://pbs.twimg.com/media/rXU5b2kk2AAAX1.jpg",
            "id_str" : "1845193853309600849",
            "id" : "1845193853309600849",
            "media_url_https" : "https://pbs.twimg.com/media/rXU5b2kk2AAAX1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/orhGXAXu5r"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1837424026210356873"
          ],
          "editableUntil" : "2024-09-21T10:30:00.193Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Crumb Club",
            "screen_name" : "crumb_club_uk",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1184320275",
            "id" : "1184320275"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1837424026210356873",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1837424026210356873",
      "created_at" : "Sat Sep 21 09:30:00 +0000 2024",
      "favorited" : false,
      "full_text" : "RT @crumb_club_uk: Bake along this Saturday: a 48-hour rye with caraway. Recipe and timings at the link below, and we'll answer questions a…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1819644060601799896"
          ],
          "editableUntil" : "2024-08-03T08:58:46.056Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "101",
              "114"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "48",
      "id_str" : "1819644060601799896",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1819644060601799896",
      "created_at" : "Sat Aug 03 07:58:46 +0000 2024",
      "favorited" : false,
      "full_text" : "Riverside ride at 7am to beat the heat. Pastel was at the door when I got back, demanding breakfast. #LisbonByBike",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1802063541962989942"
          ],
          "editableUntil" : "2024-06-15T20:40:03.782Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "3",
      "in_reply_to_status_id_str" : "1802029065358170919",
      "id_str" : "1802063541962989942",
      "in_reply_to_user_id" : "402118865",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1802063541962989942",
      "in_reply_to_status_id" : "1802029065358170919",
      "created_at" : "Sat Jun 15 19:40:03 +0000 2024",
      "favorited" : false,
      "full_text" : "@dani_on_wheels Yes, the Porto ride again in September, and this time on to Santiago. Are you in?",
      "lang" : "en",
      "in_reply_to_screen_name" : "dani_on_wheels",
      "in_reply_to_user_id_str" : "402118865"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1784332028954240965"
          ],
          "editableUntil" : "2024-04-27T22:21:21.645Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "88",
              "97"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "19",
      "id_str" : "1784332028954240965",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1784332028954240965",
      "created_at" : "Sat Apr 27 21:21:21 +0000 2024",
      "favorited" : false,
      "full_text" : "Tried async closures in a Rust side project. Less boilerplate, same amount of thinking. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1766494769153043988"
          ],
          "editableUntil" : "2024-03-09T17:02:27.508Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1766494769153043988/photo/1",
            "indices" : [
              "103",
              "126"
            ],
            "url" : "https://t.co/bbukU5U5AA",
            "media_url" : "http://pbs.twimg.com/media/reADbu5R5AAAX0.jpg",
            "id_str" : "1766494769153042988",
            "id" : "1766494769153042988",
            "media_url_https" : "https://pbs.twimg.com/media/reADbu5R5AAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/bbukU5U5AA"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "126"
      ],
      "favorite_count" : "52",
      "id_str" : "1766494769153043988",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1766494769153043988",
      "possibly_sensitive" : false,
      "created_at" : "Sat Mar 09 16:02:27 +0000 2024",
      "favorited" : false,
      "full_text" : "Taught a sourdough workshop for the neighbours: ten people, ten jars of starter, one very curious cat. https://t.co/bbukU5U5AA",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1766494769153043988/photo/1",
            "indices" : [
              "103",
              "126"
            ],
            "url" : "https://t.co/bbukU5U5AA",
            "media_url" : "http://pbs.twimg.com/media/reADbu5R5AAAX0.jpg",
            "id_str" : "1766494769153042988",
            "id" : "1766494769153042988",
            "media_url_https" : "https://pbs.twimg.com/media/reADbu5R5AAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/bbukU5U5AA"
          },
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1766494769153043988/photo/1",
            "indices" : [
              "103",
              "126"
            ],
            "url" : "https://t.co/bbukU5U5AA",
            "media_url" : "http://pbs.twimg.com/media/uRoUh2D55AAAX1.jpg",
            "id_str" : "1766494769153042987",
            "id" : "1766494769153042987",
            "media_url_https" : "https://pbs.twimg.com/media/uRoUh2D55AAAX1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/bbukU5U5AA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1748650492281255011"
          ],
          "editableUntil" : "2024-01-20T11:15:40.371Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "79",
              "89"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "33",
      "id_str" : "1748650492281255011",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1748650492281255011",
      "created_at" : "Sat Jan 20 10:15:40 +0000 2024",
      "favorited" : false,
      "full_text" : "Gerald II turned 7 and has lived in two countries. Portuguese flour suits him. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1733398106533591730"
          ],
          "editableUntil" : "2023-12-09T09:08:08.234Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "68",
              "78"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "29",
      "id_str" : "1733398106533591730",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1733398106533591730",
      "created_at" : "Sat Dec 09 08:08:08 +0000 2023",
      "favorited" : false,
      "full_text" : "Twelve years of sourdough and I still get nervous opening the oven. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1710712906591338753"
          ],
          "editableUntil" : "2023-10-07T18:45:15.097Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ferris Notes",
            "screen_name" : "ferris_notes",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "2711093048",
            "id" : "2711093048"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1710712906591338753",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1710712906591338753",
      "created_at" : "Sat Oct 07 17:45:15 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @ferris_notes: New post: a tiny HTTP server in Rust, no dependencies, step by step, for anyone who learned Rust from errors: https://t.c…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1692791265208208799"
          ],
          "editableUntil" : "2023-08-19T07:51:02.823Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Jo Marsh",
            "screen_name" : "jo_bakes_bread",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "1502837719",
            "id" : "1502837719"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "115"
      ],
      "favorite_count" : "4",
      "in_reply_to_status_id_str" : "1692756788603389776",
      "id_str" : "1692791265208208799",
      "in_reply_to_user_id" : "1502837719",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1692791265208208799",
      "in_reply_to_status_id" : "1692756788603389776",
      "created_at" : "Sat Aug 19 06:51:02 +0000 2023",
      "favorited" : false,
      "full_text" : "@jo_bakes_bread Lisbon summers are too hot for long proofs, so I bake at 6am before the kitchen turns into a sauna.",
      "lang" : "en",
      "in_reply_to_screen_name" : "jo_bakes_bread",
      "in_reply_to_user_id_str" : "1502837719"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "edit" : {
          "initialTweetId" : "1667501867475638845",
          "editControlInitial" : {
            "editTweetIds" : [
              "1667501867475638845",
              "1667503004706083822"
            ],
            "editableUntil" : "2023-06-10T13:00:00.549Z",
            "editsRemaining" : "4",
            "isEditEligible" : true
          }
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1667503004706083822/photo/1",
            "indices" : [
              "112",
              "135"
            ],
            "url" : "https://t.co/xbG5GxKeR5",
            "media_url" : "http://pbs.twimg.com/media/5KDAx2UkRAAAX0.jpg",
            "id_str" : "1667503004706082822",
            "id" : "1667503004706082822",
            "media_url_https" : "https://pbs.twimg.com/media/5KDAx2UkRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xbG5GxKeR5"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "135"
      ],
      "favorite_count" : "120",
      "id_str" : "1667503004706083822",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1667503004706083822",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jun 10 12:04:31 +0000 2023",
      "favorited" : false,
      "full_text" : "Pastel turned 5 today (we think: the shelter guessed). She got a sardine and ignored it for the box it came in. https://t.co/xbG5GxKeR5",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1667503004706083822/photo/1",
            "indices" : [
              "112",
              "135"
            ],
            "url" : "https://t.co/xbG5GxKeR5",
            "media_url" : "http://pbs.twimg.com/media/5KDAx2UkRAAAX0.jpg",
            "id_str" : "1667503004706082822",
            "id" : "1667503004706082822",
            "media_url_https" : "https://pbs.twimg.com/media/5KDAx2UkRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xbG5GxKeR5"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1667501867475638845",
            "1667503004706083822"
          ],
          "editableUntil" : "2023-06-10T13:00:00.549Z",
          "editsRemaining" : "4",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1667501867475638845/photo/1",
            "indices" : [
              "57",
              "80"
            ],
            "url" : "https://t.co/5ANXo2hrkK",
            "media_url" : "http://pbs.twimg.com/media/DRUbUk5UxAAAX0.jpg",
            "id_str" : "1667501867475637845",
            "id" : "1667501867475637845",
            "media_url_https" : "https://pbs.twimg.com/media/DRUbUk5UxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/5ANXo2hrkK"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "120",
      "id_str" : "1667501867475638845",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1667501867475638845",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jun 10 12:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Pastel turned 5 today. She got a sardine and ignored it. https://t.co/5ANXo2hrkK",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1667501867475638845/photo/1",
            "indices" : [
              "57",
              "80"
            ],
            "url" : "https://t.co/5ANXo2hrkK",
            "media_url" : "http://pbs.twimg.com/media/DRUbUk5UxAAAX0.jpg",
            "id_str" : "1667501867475637845",
            "id" : "1667501867475637845",
            "media_url_https" : "https://pbs.twimg.com/media/DRUbUk5UxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/5ANXo2hrkK"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649838880486398993"
          ],
          "editableUntil" : "2023-04-22T19:13:36.289Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "84",
              "97"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "30",
      "in_reply_to_status_id_str" : "1649838305292690016",
      "id_str" : "1649838880486398993",
      "in_reply_to_user_id" : "483920175",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649838880486398993",
      "in_reply_to_status_id" : "1649838305292690016",
      "created_at" : "Sat Apr 22 18:13:36 +0000 2023",
      "favorited" : false,
      "full_text" : "Train back to Lisbon with the bike for €18. Next spring I want to go on to Galicia. #LisbonByBike (6/6)",
      "lang" : "en",
      "in_reply_to_screen_name" : "tessa_demo",
      "in_reply_to_user_id_str" : "483920175"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649838305292690016"
          ],
          "editableUntil" : "2023-04-22T19:11:19.152Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "159"
      ],
      "favorite_count" : "22",
      "in_reply_to_status_id_str" : "1649837730098981039",
      "id_str" : "1649838305292690016",
      "in_reply_to_user_id" : "483920175",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649838305292690016",
      "in_reply_to_status_id" : "1649837730098981039",
      "created_at" : "Sat Apr 22 18:11:19 +0000 2023",
      "favorited" : false,
      "full_text" : "Kit that worked: two small panniers, a gravel bike on 40 mm tyres, a sourdough loaf for day one. Kit that didn't: that spare tube. Always check the size. (5/6)",
      "lang" : "en",
      "in_reply_to_screen_name" : "tessa_demo",
      "in_reply_to_user_id_str" : "483920175"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649837730098981039"
          ],
          "editableUntil" : "2023-04-22T19:09:02.015Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "125"
      ],
      "favorite_count" : "15",
      "in_reply_to_status_id_str" : "1649837159099576062",
      "id_str" : "1649837730098981039",
      "in_reply_to_user_id" : "483920175",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649837730098981039",
      "in_reply_to_status_id" : "1649837159099576062",
      "created_at" : "Sat Apr 22 18:09:02 +0000 2023",
      "favorited" : false,
      "full_text" : "Day 3, Figueira da Foz to Porto (100 km). Boardwalks along the beaches for hours, then the bridge into Porto at sunset. (4/6)",
      "lang" : "en",
      "in_reply_to_screen_name" : "tessa_demo",
      "in_reply_to_user_id_str" : "483920175"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649837159099576062"
          ],
          "editableUntil" : "2023-04-22T19:06:45.878Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "178"
      ],
      "favorite_count" : "17",
      "in_reply_to_status_id_str" : "1649836583905867085",
      "id_str" : "1649837159099576062",
      "in_reply_to_user_id" : "483920175",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649837159099576062",
      "in_reply_to_status_id" : "1649836583905867085",
      "created_at" : "Sat Apr 22 18:06:45 +0000 2023",
      "favorited" : false,
      "full_text" : "Day 2, Peniche to Figueira da Foz (125 km). Pine forests, empty roads and a puncture at km 80 that took 40 minutes to fix because I had packed the wrong size of spare tube. (3/6)",
      "lang" : "en",
      "in_reply_to_screen_name" : "tessa_demo",
      "in_reply_to_user_id_str" : "483920175"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649836583905867085"
          ],
          "editableUntil" : "2023-04-22T19:04:28.741Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "21",
      "in_reply_to_status_id_str" : "1649836008712158108",
      "id_str" : "1649836583905867085",
      "in_reply_to_user_id" : "483920175",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649836583905867085",
      "in_reply_to_status_id" : "1649836008712158108",
      "created_at" : "Sat Apr 22 18:04:28 +0000 2023",
      "favorited" : false,
      "full_text" : "Day 1, Lisbon to Peniche (95 km). Headwind the whole way up the coast, but the fish soup in Peniche fixed everything. (2/6)",
      "lang" : "en",
      "in_reply_to_screen_name" : "tessa_demo",
      "in_reply_to_user_id_str" : "483920175"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1649836008712158108"
          ],
          "editableUntil" : "2023-04-22T19:02:11.604Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "127"
      ],
      "favorite_count" : "64",
      "id_str" : "1649836008712158108",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1649836008712158108",
      "created_at" : "Sat Apr 22 18:02:11 +0000 2023",
      "favorited" : false,
      "full_text" : "I rode from Lisbon to Porto over three days: 320 km along the coast, mostly on the EuroVelo 1. A thread on how it went. 🧵 (1/6)",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1626858964094330587"
          ],
          "editableUntil" : "2023-02-18T09:19:37.275Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Db2r8x5DxU",
            "expanded_url" : "https://twitter.com/dani_on_wheels/status/1626692870234185868",
            "display_url" : "twitter.com/dani_on_wheel…",
            "indices" : [
              "50",
              "73"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "12",
      "id_str" : "1626858964094330587",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1626858964094330587",
      "possibly_sensitive" : false,
      "created_at" : "Sat Feb 18 08:19:37 +0000 2023",
      "favorited" : false,
      "full_text" : "This was me in my first month on Lisbon cobbles 😅 https://t.co/Db2r8x5DxU",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1591550943349517610"
          ],
          "editableUntil" : "2022-11-12T22:58:09.138Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1591550943349517610/photo/1",
            "indices" : [
              "69",
              "92"
            ],
            "url" : "https://t.co/D8AXxGu2KN",
            "media_url" : "http://pbs.twimg.com/media/RUoANKADRAAAX0.jpg",
            "id_str" : "1591550943349516610",
            "id" : "1591550943349516610",
            "media_url_https" : "https://pbs.twimg.com/media/RUoANKADRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/D8AXxGu2KN"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "77",
      "id_str" : "1591550943349517610",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1591550943349517610",
      "possibly_sensitive" : false,
      "created_at" : "Sat Nov 12 21:58:09 +0000 2022",
      "favorited" : false,
      "full_text" : "Pastel learned to open the cupboard with the flour in it. Send help. https://t.co/D8AXxGu2KN",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1591550943349517610/photo/1",
            "indices" : [
              "69",
              "92"
            ],
            "url" : "https://t.co/D8AXxGu2KN",
            "media_url" : "http://pbs.twimg.com/media/RUoANKADRAAAX0.jpg",
            "id_str" : "1591550943349516610",
            "id" : "1591550943349516610",
            "media_url_https" : "https://pbs.twimg.com/media/RUoANKADRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/D8AXxGu2KN"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1566050236581427656"
          ],
          "editableUntil" : "2022-09-03T14:07:26.864Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ruth Okonjo",
            "screen_name" : "ruth_proofs",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "318224907",
            "id" : "318224907"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "6",
      "in_reply_to_status_id_str" : "1566015755782304633",
      "id_str" : "1566050236581427656",
      "in_reply_to_user_id" : "318224907",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1566050236581427656",
      "in_reply_to_status_id" : "1566015755782304633",
      "created_at" : "Sat Sep 03 13:07:26 +0000 2022",
      "favorited" : false,
      "full_text" : "@ruth_proofs Baking in Lisbon humidity: I dropped hydration to 70% and cut the bulk ferment by an hour. Works every time.",
      "lang" : "en",
      "in_reply_to_screen_name" : "ruth_proofs",
      "in_reply_to_user_id_str" : "318224907"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1538228485865817702"
          ],
          "editableUntil" : "2022-06-18T19:33:44.590Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "91",
              "104"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1538228485865817702/photo/1",
            "indices" : [
              "105",
              "128"
            ],
            "url" : "https://t.co/8Uxbexo2NA",
            "media_url" : "http://pbs.twimg.com/media/DXXe88rNKAAAX0.jpg",
            "id_str" : "1538228485865816702",
            "id" : "1538228485865816702",
            "media_url_https" : "https://pbs.twimg.com/media/DXXe88rNKAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8Uxbexo2NA"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "128"
      ],
      "favorite_count" : "41",
      "id_str" : "1538228485865817702",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1538228485865817702",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jun 18 18:33:44 +0000 2022",
      "favorited" : false,
      "full_text" : "Sintra loop by bike: 70 km, the climb to Pena Palace at 30°C and a cold bifana at the top. #LisbonByBike https://t.co/8Uxbexo2NA",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1538228485865817702/photo/1",
            "indices" : [
              "105",
              "128"
            ],
            "url" : "https://t.co/8Uxbexo2NA",
            "media_url" : "http://pbs.twimg.com/media/DXXe88rNKAAAX0.jpg",
            "id_str" : "1538228485865816702",
            "id" : "1538228485865816702",
            "media_url_https" : "https://pbs.twimg.com/media/DXXe88rNKAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8Uxbexo2NA"
          },
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1538228485865817702/photo/1",
            "indices" : [
              "105",
              "128"
            ],
            "url" : "https://t.co/8Uxbexo2NA",
            "media_url" : "http://pbs.twimg.com/media/GAGAu8xDDAAAX1.jpg",
            "id_str" : "1538228485865816701",
            "id" : "1538228485865816701",
            "media_url_https" : "https://pbs.twimg.com/media/GAGAu8xDDAAAX1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8Uxbexo2NA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1522874128203500725"
          ],
          "editableUntil" : "2022-05-07T10:41:00.453Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "98",
              "107"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "58",
      "id_str" : "1522874128203500725",
      "truncated" : false,
      "retweet_count" : "6",
      "id" : "1522874128203500725",
      "created_at" : "Sat May 07 09:41:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Rust in production: our ingest service has run for 90 days without a restart. Boring is the goal. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1507814730775679748"
          ],
          "editableUntil" : "2022-03-26T21:20:20.316Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1507814730775679748/photo/1",
            "indices" : [
              "85",
              "108"
            ],
            "url" : "https://t.co/bb8uN8XoRu",
            "media_url" : "http://pbs.twimg.com/media/G2KUGG5GrAAAX0.jpg",
            "id_str" : "1507814730775678748",
            "id" : "1507814730775678748",
            "media_url_https" : "https://pbs.twimg.com/media/G2KUGG5GrAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/bb8uN8XoRu"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "96",
      "id_str" : "1507814730775679748",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1507814730775679748",
      "possibly_sensitive" : false,
      "created_at" : "Sat Mar 26 20:20:20 +0000 2022",
      "favorited" : false,
      "full_text" : "Pastel has decided the banneton is her bed. I have decided to buy a second banneton. https://t.co/bb8uN8XoRu",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1507814730775679748/photo/1",
            "indices" : [
              "85",
              "108"
            ],
            "url" : "https://t.co/bb8uN8XoRu",
            "media_url" : "http://pbs.twimg.com/media/G2KUGG5GrAAAX0.jpg",
            "id_str" : "1507814730775678748",
            "id" : "1507814730775678748",
            "media_url_https" : "https://pbs.twimg.com/media/G2KUGG5GrAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/bb8uN8XoRu"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1492438843746736467"
          ],
          "editableUntil" : "2022-02-12T11:02:03.179Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1492438843746736467/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/DAbD2DxbK8",
            "media_url" : "http://pbs.twimg.com/media/bNKhuUkhoAAAX0.jpg",
            "id_str" : "1492438843746735467",
            "id" : "1492438843746735467",
            "media_url_https" : "https://pbs.twimg.com/media/bNKhuUkhoAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/DAbD2DxbK8"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "37",
      "id_str" : "1492438843746736467",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1492438843746736467",
      "possibly_sensitive" : false,
      "created_at" : "Sat Feb 12 10:02:03 +0000 2022",
      "favorited" : false,
      "full_text" : "https://t.co/DAbD2DxbK8",
      "lang" : "qme",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1492438843746736467/photo/1",
            "indices" : [
              "0",
              "23"
            ],
            "url" : "https://t.co/DAbD2DxbK8",
            "media_url" : "http://pbs.twimg.com/media/bNKhuUkhoAAAX0.jpg",
            "id_str" : "1492438843746735467",
            "id" : "1492438843746735467",
            "media_url_https" : "https://pbs.twimg.com/media/bNKhuUkhoAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/DAbD2DxbK8"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1484912852510531490"
          ],
          "editableUntil" : "2022-01-22T16:36:27.042Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1484912852510531490/photo/1",
            "indices" : [
              "135",
              "158"
            ],
            "url" : "https://t.co/rxo8bAbRrb",
            "media_url" : "http://pbs.twimg.com/media/XD8keKbRkAAAX0.jpg",
            "id_str" : "1484912852510530490",
            "id" : "1484912852510530490",
            "media_url_https" : "https://pbs.twimg.com/media/XD8keKbRkAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/rxo8bAbRrb"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "158"
      ],
      "favorite_count" : "140",
      "id_str" : "1484912852510531490",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1484912852510531490",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jan 22 15:36:27 +0000 2022",
      "favorited" : false,
      "full_text" : "Adopted a cat from the shelter in Alcântara: orange, one folded ear, about 4 years old. Her name is Pastel, after the pastéis de nata. https://t.co/rxo8bAbRrb",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1484912852510531490/photo/1",
            "indices" : [
              "135",
              "158"
            ],
            "url" : "https://t.co/rxo8bAbRrb",
            "media_url" : "http://pbs.twimg.com/media/XD8keKbRkAAAX0.jpg",
            "id_str" : "1484912852510530490",
            "id" : "1484912852510530490",
            "media_url_https" : "https://pbs.twimg.com/media/XD8keKbRkAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/rxo8bAbRrb"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1469624236369110513"
          ],
          "editableUntil" : "2021-12-11T12:04:56.905Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Pedala Lisboa",
            "screen_name" : "pedala_lx",
            "indices" : [
              "3",
              "13"
            ],
            "id_str" : "1390011223344556032",
            "id" : "1390011223344556032"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "0",
      "id_str" : "1469624236369110513",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1469624236369110513",
      "created_at" : "Sat Dec 11 11:04:56 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @pedala_lx: Nova ciclovia na Avenida Almirante Reis aberta a partir de segunda-feira. Boas pedaladas!",
      "lang" : "pt"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1444388844494844559"
          ],
          "editableUntil" : "2021-10-02T20:48:30.631Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1444354367890025536",
      "id_str" : "1444388844494844559",
      "in_reply_to_user_id" : "402118865",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1444388844494844559",
      "in_reply_to_status_id" : "1444354367890025536",
      "created_at" : "Sat Oct 02 19:48:30 +0000 2021",
      "favorited" : false,
      "full_text" : "@dani_on_wheels Come visit! I'll take you up the hill to Graça and you can hate me for it.",
      "lang" : "en",
      "in_reply_to_screen_name" : "dani_on_wheels",
      "in_reply_to_user_id_str" : "402118865"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1426439777131919582"
          ],
          "editableUntil" : "2021-08-14T08:05:19.494Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "123",
              "136"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "136"
      ],
      "favorite_count" : "34",
      "id_str" : "1426439777131919582",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1426439777131919582",
      "created_at" : "Sat Aug 14 07:05:19 +0000 2021",
      "favorited" : false,
      "full_text" : "Cycled the riverside path from Cais do Sodré to Belém at sunrise: flat, wide, full of joggers. Best commute I've ever had. #LisbonByBike",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1401228607937314605"
          ],
          "editableUntil" : "2021-06-05T18:25:08.357Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "indices" : [
              "105",
              "118"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1401228607937314605/photo/1",
            "indices" : [
              "119",
              "142"
            ],
            "url" : "https://t.co/RroeuNGAGG",
            "media_url" : "http://pbs.twimg.com/media/Rbu8oDKrxAAAX0.jpg",
            "id_str" : "1401228607937313605",
            "id" : "1401228607937313605",
            "media_url_https" : "https://pbs.twimg.com/media/Rbu8oDKrxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/RroeuNGAGG"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "142"
      ],
      "favorite_count" : "23",
      "id_str" : "1401228607937314605",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1401228607937314605",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jun 05 17:25:08 +0000 2021",
      "favorited" : false,
      "full_text" : "Bought a second-hand gravel bike from a man called Rui. It's green, it's light, and the cobbles hate it. #LisbonByBike https://t.co/RroeuNGAGG",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1401228607937314605/photo/1",
            "indices" : [
              "119",
              "142"
            ],
            "url" : "https://t.co/RroeuNGAGG",
            "media_url" : "http://pbs.twimg.com/media/Rbu8oDKrxAAAX0.jpg",
            "id_str" : "1401228607937313605",
            "id" : "1401228607937313605",
            "media_url_https" : "https://pbs.twimg.com/media/Rbu8oDKrxAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/RroeuNGAGG"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1393539709929555324"
          ],
          "editableUntil" : "2021-05-15T13:12:12.220Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "113",
              "123"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "123"
      ],
      "favorite_count" : "19",
      "id_str" : "1393539709929555324",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393539709929555324",
      "created_at" : "Sat May 15 12:12:12 +0000 2021",
      "favorited" : false,
      "full_text" : "Lisbon bakery report: the padaria downstairs sells a slow-fermented loaf. Mine is still better. Don't tell them. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1378271050286566347"
          ],
          "editableUntil" : "2021-04-03T10:00:00.083Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1378271050286566347/photo/1",
            "indices" : [
              "117",
              "140"
            ],
            "url" : "https://t.co/52NArXKXUN",
            "media_url" : "http://pbs.twimg.com/media/bh5RuUuUXAAAX0.jpg",
            "id_str" : "1378271050286565347",
            "id" : "1378271050286565347",
            "media_url_https" : "https://pbs.twimg.com/media/bh5RuUuUXAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/52NArXKXUN"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "71",
      "id_str" : "1378271050286566347",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1378271050286566347",
      "possibly_sensitive" : false,
      "created_at" : "Sat Apr 03 09:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Landed in Lisbon. Obrigada to everyone who helped pack. The flat has a balcony, a tiny oven and a view of the river. https://t.co/52NArXKXUN",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1378271050286566347/photo/1",
            "indices" : [
              "117",
              "140"
            ],
            "url" : "https://t.co/52NArXKXUN",
            "media_url" : "http://pbs.twimg.com/media/bh5RuUuUXAAAX0.jpg",
            "id_str" : "1378271050286565347",
            "id" : "1378271050286565347",
            "media_url_https" : "https://pbs.twimg.com/media/bh5RuUuUXAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/52NArXKXUN"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1373386553972331034"
          ],
          "editableUntil" : "2021-03-20T22:30:45.412Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "272"
      ],
      "favorite_count" : "88",
      "id_str" : "1373386553972331034",
      "truncated" : false,
      "retweet_count" : "6",
      "id" : "1373386553972331034",
      "created_at" : "Sat Mar 20 21:30:45 +0000 2021",
      "favorited" : false,
      "full_text" : "Why I'm moving to Lisbon, in one long post because it doesn't fit in a tweet.\n\nI've worked remotely for a Rust team since October, so the job comes with me. After nine winters of riding to work in Manchester rain, I want to cycle all year round, and Lisbon has the light,…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1357994990878988393"
          ],
          "editableUntil" : "2021-02-06T11:10:10.809Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "14",
      "id_str" : "1357994990878988393",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1357994990878988393",
      "created_at" : "Sat Feb 06 10:10:10 +0000 2021",
      "favorited" : false,
      "full_text" : "Big news coming. Boxes everywhere. Gerald II will travel in a jar in my hand luggage.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1340307081854623416"
          ],
          "editableUntil" : "2020-12-19T15:44:44.672Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "22",
      "id_str" : "1340307081854623416",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1340307081854623416",
      "created_at" : "Sat Dec 19 14:44:44 +0000 2020",
      "favorited" : false,
      "full_text" : "2020 was a lot. What helped: bread, the bike, and a team that ships slowly and carefully.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1322632602991666439"
          ],
          "editableUntil" : "2020-10-31T21:12:40.535Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "106",
              "115"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "115"
      ],
      "favorite_count" : "45",
      "id_str" : "1322632602991666439",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1322632602991666439",
      "created_at" : "Sat Oct 31 20:12:40 +0000 2020",
      "favorited" : false,
      "full_text" : "Started a new job writing Rust with a fully remote team. Their code reviews are kinder than any I've had. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1299614148819397462"
          ],
          "editableUntil" : "2020-08-29T08:45:33.398Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1299614148819397462/photo/1",
            "indices" : [
              "79",
              "102"
            ],
            "url" : "https://t.co/Ahh8Gke2h5",
            "media_url" : "http://pbs.twimg.com/media/2eukXoXUKAAAX0.jpg",
            "id_str" : "1299614148819396462",
            "id" : "1299614148819396462",
            "media_url_https" : "https://pbs.twimg.com/media/2eukXoXUKAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Ahh8Gke2h5"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "16",
      "id_str" : "1299614148819397462",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1299614148819397462",
      "possibly_sensitive" : false,
      "created_at" : "Sat Aug 29 07:45:33 +0000 2020",
      "favorited" : false,
      "full_text" : "First long ride since spring: 120 km, empty lanes and one very confused sheep. https://t.co/Ahh8Gke2h5",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1299614148819397462/photo/1",
            "indices" : [
              "79",
              "102"
            ],
            "url" : "https://t.co/Ahh8Gke2h5",
            "media_url" : "http://pbs.twimg.com/media/2eukXoXUKAAAX0.jpg",
            "id_str" : "1299614148819396462",
            "id" : "1299614148819396462",
            "media_url_https" : "https://pbs.twimg.com/media/2eukXoXUKAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Ahh8Gke2h5"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1271729068881752485"
          ],
          "editableUntil" : "2020-06-13T10:00:12.261Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "18",
      "id_str" : "1271729068881752485",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1271729068881752485",
      "created_at" : "Sat Jun 13 09:00:12 +0000 2020",
      "favorited" : false,
      "full_text" : "Working from home means bread on a proper schedule: mix at 9, fold every hour between meetings, bake at 5.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1251576226112649204"
          ],
          "editableUntil" : "2020-04-18T19:20:00.124Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "12",
      "id_str" : "1251576226112649204",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1251576226112649204",
      "created_at" : "Sat Apr 18 18:20:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Indoor trainer in the spare room. 40 minutes staring at a wall going nowhere. Missing real roads.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1243847805182492227"
          ],
          "editableUntil" : "2020-03-28T11:30:00.987Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "95",
              "105"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1243847805182492227/photo/1",
            "indices" : [
              "106",
              "129"
            ],
            "url" : "https://t.co/Xr2AbXNGhb",
            "media_url" : "http://pbs.twimg.com/media/Ub8XuUx5AAAAX0.jpg",
            "id_str" : "1243847805182491227",
            "id" : "1243847805182491227",
            "media_url_https" : "https://pbs.twimg.com/media/Ub8XuUx5AAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Xr2AbXNGhb"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "129"
      ],
      "favorite_count" : "63",
      "id_str" : "1243847805182492227",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1243847805182492227",
      "possibly_sensitive" : false,
      "created_at" : "Sat Mar 28 10:30:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Lockdown baking: the whole street wants starter. Left 11 jars of Gerald II on doorsteps today. #sourdough https://t.co/Xr2AbXNGhb",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1243847805182492227/photo/1",
            "indices" : [
              "106",
              "129"
            ],
            "url" : "https://t.co/Xr2AbXNGhb",
            "media_url" : "http://pbs.twimg.com/media/Ub8XuUx5AAAAX0.jpg",
            "id_str" : "1243847805182491227",
            "id" : "1243847805182491227",
            "media_url_https" : "https://pbs.twimg.com/media/Ub8XuUx5AAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Xr2AbXNGhb"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1198209091476802273"
          ],
          "editableUntil" : "2019-11-23T12:58:03.713Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ruth Okonjo",
            "screen_name" : "ruth_proofs",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "318224907",
            "id" : "318224907"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "77"
      ],
      "favorite_count" : "4",
      "in_reply_to_status_id_str" : "1198174614871983250",
      "id_str" : "1198209091476802273",
      "in_reply_to_user_id" : "318224907",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1198209091476802273",
      "in_reply_to_status_id" : "1198174614871983250",
      "created_at" : "Sat Nov 23 11:58:03 +0000 2019",
      "favorited" : false,
      "full_text" : "@ruth_proofs Gerald II is almost 3 now. Still rising, still smells of apples.",
      "lang" : "en",
      "in_reply_to_screen_name" : "ruth_proofs",
      "in_reply_to_user_id_str" : "318224907"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1170370207603413296"
          ],
          "editableUntil" : "2019-09-07T17:16:16.576Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "112",
              "121"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "28",
      "id_str" : "1170370207603413296",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1170370207603413296",
      "created_at" : "Sat Sep 07 16:16:16 +0000 2019",
      "favorited" : false,
      "full_text" : "Hot take: Rust's compiler errors are the best documentation I've read this year. They teach you while you fail. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1155026495084648319"
          ],
          "editableUntil" : "2019-07-27T09:05:50.439Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Crumb Club",
            "screen_name" : "crumb_club_uk",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1184320275",
            "id" : "1184320275"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "0",
      "id_str" : "1155026495084648319",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1155026495084648319",
      "created_at" : "Sat Jul 27 08:05:50 +0000 2019",
      "favorited" : false,
      "full_text" : "RT @crumb_club_uk: Your starter is not dead. It is hungry. Feed it, keep it warm, wait a day.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1127298630243835342"
          ],
          "editableUntil" : "2019-05-11T20:45:12.302Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "140",
              "149"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/XoxDxGKAXu",
            "expanded_url" : "https://example.org/talks/lifetimes-for-bakers",
            "display_url" : "example.org/talks/lifetim…",
            "indices" : [
              "116",
              "139"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "149"
      ],
      "favorite_count" : "51",
      "id_str" : "1127298630243835342",
      "truncated" : false,
      "retweet_count" : "9",
      "id" : "1127298630243835342",
      "possibly_sensitive" : false,
      "created_at" : "Sat May 11 19:45:12 +0000 2019",
      "favorited" : false,
      "full_text" : "Gave my first meetup talk, 'Lifetimes for bakers': Rust's borrow checker explained with sourdough starters. Slides: https://t.co/XoxDxGKAXu #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1106867705119532061"
          ],
          "editableUntil" : "2019-03-16T11:40:00.165Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "9",
      "id_str" : "1106867705119532061",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1106867705119532061",
      "created_at" : "Sat Mar 16 10:40:00 +0000 2019",
      "favorited" : false,
      "full_text" : "Rainy 90 km ride. Found a café that does beans on toast with sourdough. Instant loyalty.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1086612542308543084"
          ],
          "editableUntil" : "2019-01-19T14:13:13.028Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "144",
              "153"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "153"
      ],
      "favorite_count" : "37",
      "id_str" : "1086612542308543084",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1086612542308543084",
      "created_at" : "Sat Jan 19 13:13:13 +0000 2019",
      "favorited" : false,
      "full_text" : "Ported my hydration calculator from Python to Rust. 40 lines, no panics, and cargo test caught two rounding bugs the Python version always had. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1068797269048914107"
          ],
          "editableUntil" : "2018-12-01T10:21:40.891Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "108",
              "117"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "30",
      "id_str" : "1068797269048914107",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1068797269048914107",
      "created_at" : "Sat Dec 01 09:21:40 +0000 2018",
      "favorited" : false,
      "full_text" : "Year in numbers: 5,200 km ridden, 140 loaves baked, 1 Rust crate published (it rounds baker's percentages). #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1053663015303544153"
          ],
          "editableUntil" : "2018-10-20T16:03:33.617Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ferris Notes",
            "screen_name" : "ferris_notes",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "2711093048",
            "id" : "2711093048"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "102"
      ],
      "favorite_count" : "5",
      "in_reply_to_status_id_str" : "1053628538698725130",
      "id_str" : "1053663015303544153",
      "in_reply_to_user_id" : "2711093048",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1053663015303544153",
      "in_reply_to_status_id" : "1053628538698725130",
      "created_at" : "Sat Oct 20 15:03:33 +0000 2018",
      "favorited" : false,
      "full_text" : "@ferris_notes The Manchester Rust meetup needs more talks. Would anyone come to one about bread maths?",
      "lang" : "en",
      "in_reply_to_screen_name" : "ferris_notes",
      "in_reply_to_user_id_str" : "2711093048"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1030909741807371176"
          ],
          "editableUntil" : "2018-08-18T21:10:10.480Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1030909741807371176/photo/1",
            "indices" : [
              "119",
              "142"
            ],
            "url" : "https://t.co/8RokuKXbbo",
            "media_url" : "http://pbs.twimg.com/media/AN5RXK2GAAAAX0.jpg",
            "id_str" : "1030909741807370176",
            "id" : "1030909741807370176",
            "media_url_https" : "https://pbs.twimg.com/media/AN5RXK2GAAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8RokuKXbbo"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "142"
      ],
      "favorite_count" : "24",
      "id_str" : "1030909741807371176",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1030909741807371176",
      "possibly_sensitive" : false,
      "created_at" : "Sat Aug 18 20:10:10 +0000 2018",
      "favorited" : false,
      "full_text" : "Holiday in Lisbon. The light is something else, the hills are brutal on a bike, and the pastéis de nata are dangerous. https://t.co/8RokuKXbbo",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1030909741807371176/photo/1",
            "indices" : [
              "119",
              "142"
            ],
            "url" : "https://t.co/8RokuKXbbo",
            "media_url" : "http://pbs.twimg.com/media/AN5RXK2GAAAAX0.jpg",
            "id_str" : "1030909741807370176",
            "id" : "1030909741807370176",
            "media_url_https" : "https://pbs.twimg.com/media/AN5RXK2GAAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8RokuKXbbo"
          },
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/1030909741807371176/photo/1",
            "indices" : [
              "119",
              "142"
            ],
            "url" : "https://t.co/8RokuKXbbo",
            "media_url" : "http://pbs.twimg.com/media/DrxubKuo8AAAX1.jpg",
            "id_str" : "1030909741807370175",
            "id" : "1030909741807370175",
            "media_url_https" : "https://pbs.twimg.com/media/DrxubKuo8AAAX1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8RokuKXbbo"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1005413569655966199"
          ],
          "editableUntil" : "2018-06-09T12:37:29.343Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "111",
              "121"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "8",
      "id_str" : "1005413569655966199",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1005413569655966199",
      "created_at" : "Sat Jun 09 11:37:29 +0000 2018",
      "favorited" : false,
      "full_text" : "Proofing in a hot kitchen: the dough was ready in 3 hours instead of 5. Summer sourdough is a different sport. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "990275130569265222"
          ],
          "editableUntil" : "2018-04-28T18:02:44.206Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "0",
      "id_str" : "990275130569265222",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "990275130569265222",
      "created_at" : "Sat Apr 28 17:02:44 +0000 2018",
      "favorited" : false,
      "full_text" : "RT @dani_on_wheels: Spring club ride on Sunday, 80 km, café stop at the halfway point. Bring lights and a spare tube.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "962263672053601941"
          ],
          "editableUntil" : "2018-02-10T10:55:12.069Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "77"
      ],
      "favorite_count" : "11",
      "id_str" : "962263672053601941",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "962263672053601941",
      "created_at" : "Sat Feb 10 09:55:12 +0000 2018",
      "favorited" : false,
      "full_text" : "Snow day. Baked, read, did not ride. The bike is judging me from the hallway.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "944519035067636964"
          ],
          "editableUntil" : "2017-12-23T11:44:20.932Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/944519035067636964/photo/1",
            "indices" : [
              "67",
              "90"
            ],
            "url" : "https://t.co/8hNDAXKhDG",
            "media_url" : "http://pbs.twimg.com/media/rRKrNAhGUAAAX0.jpg",
            "id_str" : "944519035067635964",
            "id" : "944519035067635964",
            "media_url_https" : "https://pbs.twimg.com/media/rRKrNAhGUAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8hNDAXKhDG"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "7",
      "id_str" : "944519035067636964",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "944519035067636964",
      "possibly_sensitive" : false,
      "created_at" : "Sat Dec 23 10:44:20 +0000 2017",
      "favorited" : false,
      "full_text" : "Christmas stollen attempt. The marzipan escaped. We ate it anyway. https://t.co/8hNDAXKhDG",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/944519035067636964/photo/1",
            "indices" : [
              "67",
              "90"
            ],
            "url" : "https://t.co/8hNDAXKhDG",
            "media_url" : "http://pbs.twimg.com/media/rRKrNAhGUAAAX0.jpg",
            "id_str" : "944519035067635964",
            "id" : "944519035067635964",
            "media_url_https" : "https://pbs.twimg.com/media/rRKrNAhGUAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8hNDAXKhDG"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "919266128353927987"
          ],
          "editableUntil" : "2017-10-14T19:18:18.795Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "111",
              "120"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "120"
      ],
      "favorite_count" : "42",
      "id_str" : "919266128353927987",
      "truncated" : false,
      "retweet_count" : "7",
      "id" : "919266128353927987",
      "created_at" : "Sat Oct 14 18:18:18 +0000 2017",
      "favorited" : false,
      "full_text" : "Rewrote a slow log parser at work in Rust. 30 minutes down to 40 seconds. My manager asked if I had broken it. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "893735827150875010"
          ],
          "editableUntil" : "2017-08-05T08:30:00.658Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/893735827150875010/photo/1",
            "indices" : [
              "94",
              "117"
            ],
            "url" : "https://t.co/A28exNURAA",
            "media_url" : "http://pbs.twimg.com/media/hA25G2huXAAAX0.jpg",
            "id_str" : "893735827150874010",
            "id" : "893735827150874010",
            "media_url_https" : "https://pbs.twimg.com/media/hA25G2huXAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/A28exNURAA"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "19",
      "id_str" : "893735827150875010",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "893735827150875010",
      "possibly_sensitive" : false,
      "created_at" : "Sat Aug 05 07:30:00 +0000 2017",
      "favorited" : false,
      "full_text" : "Camping trip by bike: panniers packed with a stove, a tent and a loaf wrapped in a tea towel. https://t.co/A28exNURAA",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/893735827150875010/photo/1",
            "indices" : [
              "94",
              "117"
            ],
            "url" : "https://t.co/A28exNURAA",
            "media_url" : "http://pbs.twimg.com/media/hA25G2huXAAAX0.jpg",
            "id_str" : "893735827150874010",
            "id" : "893735827150874010",
            "media_url_https" : "https://pbs.twimg.com/media/hA25G2huXAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/A28exNURAA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "876083975983937056"
          ],
          "editableUntil" : "2017-06-17T15:27:51.384Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Jo Marsh",
            "screen_name" : "jo_bakes_bread",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "1502837719",
            "id" : "1502837719"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "3",
      "in_reply_to_status_id_str" : "876049499379118033",
      "id_str" : "876083975983937056",
      "in_reply_to_user_id" : "1502837719",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "876083975983937056",
      "in_reply_to_status_id" : "876049499379118033",
      "created_at" : "Sat Jun 17 14:27:51 +0000 2017",
      "favorited" : false,
      "full_text" : "@jo_bakes_bread Try a Dutch oven at 250°C, 20 minutes lid on and 20 lid off. The crust will sing.",
      "lang" : "en",
      "in_reply_to_screen_name" : "jo_bakes_bread",
      "in_reply_to_user_id_str" : "1502837719"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "845563191218388079"
          ],
          "editableUntil" : "2017-03-25T10:09:09.247Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "8",
      "id_str" : "845563191218388079",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "845563191218388079",
      "created_at" : "Sat Mar 25 09:09:09 +0000 2017",
      "favorited" : false,
      "full_text" : "Commute count for March: 19 of 20 days by bike. The one day I took the bus it rained on the bus.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "818064876436996798"
          ],
          "editableUntil" : "2017-01-08T13:00:40.110Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "10",
      "id_str" : "818064876436996798",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "818064876436996798",
      "created_at" : "Sun Jan 08 12:00:40 +0000 2017",
      "favorited" : false,
      "full_text" : "New year, new starter: Gerald II, 100% rye. Gerald I retired to a friend's fridge in Leeds.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "802628016814999821"
          ],
          "editableUntil" : "2016-11-26T22:40:05.973Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "94",
              "103"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "13",
      "id_str" : "802628016814999821",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "802628016814999821",
      "created_at" : "Sat Nov 26 21:40:05 +0000 2016",
      "favorited" : false,
      "full_text" : "Wrote my first Rust program that compiled on the first try. It printed 'hello'. Still counts. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "774553002015018844"
          ],
          "editableUntil" : "2016-09-10T11:20:00.836Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ferris Notes",
            "screen_name" : "ferris_notes",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "2711093048",
            "id" : "2711093048"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "138"
      ],
      "favorite_count" : "0",
      "id_str" : "774553002015018844",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "774553002015018844",
      "created_at" : "Sat Sep 10 10:20:00 +0000 2016",
      "favorited" : false,
      "full_text" : "RT @ferris_notes: Rust tip: when the compiler complains about a borrow, read the whole error. It usually tells you exactly what to change.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "756893043832509867"
          ],
          "editableUntil" : "2016-07-23T17:45:38.699Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "39",
              "54"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "15",
      "id_str" : "756893043832509867",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "756893043832509867",
      "created_at" : "Sat Jul 23 16:45:38 +0000 2016",
      "favorited" : false,
      "full_text" : "Rode coast to coast in three days with @dani_on_wheels. Sunburnt on one side only.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "726685644878928890"
          ],
          "editableUntil" : "2016-05-01T09:12:13.562Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/726685644878928890/photo/1",
            "indices" : [
              "77",
              "100"
            ],
            "url" : "https://t.co/uk5ueKrXb2",
            "media_url" : "http://pbs.twimg.com/media/NeukoDDhRAAAX0.jpg",
            "id_str" : "726685644878927890",
            "id" : "726685644878927890",
            "media_url_https" : "https://pbs.twimg.com/media/NeukoDDhRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/uk5ueKrXb2"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "100"
      ],
      "favorite_count" : "17",
      "id_str" : "726685644878928890",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "726685644878928890",
      "possibly_sensitive" : false,
      "created_at" : "Sun May 01 08:12:13 +0000 2016",
      "favorited" : false,
      "full_text" : "A loaf with 20% whole wheat and toasted sunflower seeds. Best one this year. https://t.co/uk5ueKrXb2",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/726685644878928890/photo/1",
            "indices" : [
              "77",
              "100"
            ],
            "url" : "https://t.co/uk5ueKrXb2",
            "media_url" : "http://pbs.twimg.com/media/NeukoDDhRAAAX0.jpg",
            "id_str" : "726685644878927890",
            "id" : "726685644878927890",
            "media_url_https" : "https://pbs.twimg.com/media/NeukoDDhRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/uk5ueKrXb2"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "698952461660643913"
          ],
          "editableUntil" : "2016-02-14T20:30:27.425Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "rustlang",
            "indices" : [
              "87",
              "96"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "9",
      "id_str" : "698952461660643913",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "698952461660643913",
      "created_at" : "Sun Feb 14 19:30:27 +0000 2016",
      "favorited" : false,
      "full_text" : "Started the Rust book on the train home. The borrow checker and I are not friends yet. #rustlang",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "673107222753142936"
          ],
          "editableUntil" : "2015-12-05T12:50:42.288Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "6",
      "id_str" : "673107222753142936",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "673107222753142936",
      "created_at" : "Sat Dec 05 11:50:42 +0000 2015",
      "favorited" : false,
      "full_text" : "Work is moving us from Perl to Python. Mixed feelings: I will miss nothing and everything.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "645301871761978678"
          ],
          "editableUntil" : "2015-09-19T19:22:10.014Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ruth Okonjo",
            "screen_name" : "ruth_proofs",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "318224907",
            "id" : "318224907"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "84"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "645267395161353959",
      "id_str" : "645301871761978678",
      "in_reply_to_user_id" : "318224907",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "645301871761978678",
      "in_reply_to_status_id" : "645267395161353959",
      "created_at" : "Sat Sep 19 18:22:10 +0000 2015",
      "favorited" : false,
      "full_text" : "@ruth_proofs I dust the banneton with rice flour now. Nothing sticks. Life changing.",
      "lang" : "en",
      "in_reply_to_screen_name" : "ruth_proofs",
      "in_reply_to_user_id_str" : "318224907"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "607271995185101701"
          ],
          "editableUntil" : "2015-06-06T20:45:00.877Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/607271995185101701/photo/1",
            "indices" : [
              "83",
              "106"
            ],
            "url" : "https://t.co/xu8breeRX5",
            "media_url" : "http://pbs.twimg.com/media/KkbukrkeRAAAX0.jpg",
            "id_str" : "607271995185100701",
            "id" : "607271995185100701",
            "media_url_https" : "https://pbs.twimg.com/media/KkbukrkeRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xu8breeRX5"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "21",
      "id_str" : "607271995185101701",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "607271995185101701",
      "possibly_sensitive" : false,
      "created_at" : "Sat Jun 06 19:45:00 +0000 2015",
      "favorited" : false,
      "full_text" : "Rode 160 km around the Lake District today. Hardknott Pass made me walk. No shame. https://t.co/xu8breeRX5",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/607271995185101701/photo/1",
            "indices" : [
              "83",
              "106"
            ],
            "url" : "https://t.co/xu8breeRX5",
            "media_url" : "http://pbs.twimg.com/media/KkbukrkeRAAAX0.jpg",
            "id_str" : "607271995185100701",
            "id" : "607271995185100701",
            "media_url_https" : "https://pbs.twimg.com/media/KkbukrkeRAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xu8breeRX5"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "587247133218144724"
          ],
          "editableUntil" : "2015-04-12T14:33:21.740Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Crumb Club",
            "screen_name" : "crumb_club_uk",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1184320275",
            "id" : "1184320275"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "587247133218144724",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "587247133218144724",
      "created_at" : "Sun Apr 12 13:33:21 +0000 2015",
      "favorited" : false,
      "full_text" : "RT @crumb_club_uk: Retard the dough overnight in the fridge for a more sour loaf and a blistered crust. Try 12 hours at 4°C and tell us how…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "558928655848179747"
          ],
          "editableUntil" : "2015-01-24T11:05:50.603Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "5",
      "id_str" : "558928655848179747",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "558928655848179747",
      "created_at" : "Sat Jan 24 10:05:50 +0000 2015",
      "favorited" : false,
      "full_text" : "Baker's percentages finally clicked: flour is 100% and everything else is relative to it. Made a tiny spreadsheet for it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "529003902652550770"
          ],
          "editableUntil" : "2014-11-02T21:15:33.466Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "12",
      "id_str" : "529003902652550770",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "529003902652550770",
      "created_at" : "Sun Nov 02 20:15:33 +0000 2014",
      "favorited" : false,
      "full_text" : "My rule for side projects: if it isn't fun by the third evening, it goes in the drawer.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "500532446432793793"
          ],
          "editableUntil" : "2014-08-16T07:40:09.329Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "100"
      ],
      "favorite_count" : "9",
      "id_str" : "500532446432793793",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "500532446432793793",
      "created_at" : "Sat Aug 16 06:40:09 +0000 2014",
      "favorited" : false,
      "full_text" : "Sunrise ride before work. Empty roads, mist on the canal, a heron that did not care about me at all.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "470622331358124816"
          ],
          "editableUntil" : "2014-05-25T18:48:02.192Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/470622331358124816/photo/1",
            "indices" : [
              "81",
              "104"
            ],
            "url" : "https://t.co/5xxNAoGeoG",
            "media_url" : "http://pbs.twimg.com/media/UDNR8DUANAAAX0.jpg",
            "id_str" : "470622331358123816",
            "id" : "470622331358123816",
            "media_url_https" : "https://pbs.twimg.com/media/UDNR8DUANAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/5xxNAoGeoG"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "14",
      "id_str" : "470622331358124816",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "470622331358124816",
      "possibly_sensitive" : false,
      "created_at" : "Sun May 25 17:48:02 +0000 2014",
      "favorited" : false,
      "full_text" : "Baked for the street party: six loaves, two focaccias, one burnt hand. Worth it. https://t.co/5xxNAoGeoG",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/470622331358124816/photo/1",
            "indices" : [
              "81",
              "104"
            ],
            "url" : "https://t.co/5xxNAoGeoG",
            "media_url" : "http://pbs.twimg.com/media/UDNR8DUANAAAX0.jpg",
            "id_str" : "470622331358123816",
            "id" : "470622331358123816",
            "media_url_https" : "https://pbs.twimg.com/media/UDNR8DUANAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/5xxNAoGeoG"
          },
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/470622331358124816/photo/1",
            "indices" : [
              "81",
              "104"
            ],
            "url" : "https://t.co/5xxNAoGeoG",
            "media_url" : "http://pbs.twimg.com/media/XhxerhueNAAAX1.jpg",
            "id_str" : "470622331358123815",
            "id" : "470622331358123815",
            "media_url_https" : "https://pbs.twimg.com/media/XhxerhueNAAAX1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/5xxNAoGeoG"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "442681344964208558"
          ],
          "editableUntil" : "2014-03-09T16:20:31.918Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "98"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "442646864165085535",
      "id_str" : "442681344964208558",
      "in_reply_to_user_id" : "402118865",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "442681344964208558",
      "in_reply_to_status_id" : "442646864165085535",
      "created_at" : "Sun Mar 09 15:20:31 +0000 2014",
      "favorited" : false,
      "full_text" : "@dani_on_wheels Which chain lube do you use in the wet? Mine is gone after one Manchester commute.",
      "lang" : "en",
      "in_reply_to_screen_name" : "dani_on_wheels",
      "in_reply_to_user_id_str" : "402118865"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "424499204322307581"
          ],
          "editableUntil" : "2014-01-18T12:11:11.781Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "112",
              "122"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "7",
      "id_str" : "424499204322307581",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "424499204322307581",
      "created_at" : "Sat Jan 18 11:11:11 +0000 2014",
      "favorited" : false,
      "full_text" : "Gerald the starter survived a week in the fridge while I was away. Fed him rye flour and he doubled in 6 hours. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "406167046009238604"
          ],
          "editableUntil" : "2013-11-28T22:05:44.644Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "4",
      "id_str" : "406167046009238604",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "406167046009238604",
      "created_at" : "Thu Nov 28 21:05:44 +0000 2013",
      "favorited" : false,
      "full_text" : "Learning C in the evenings. Segfaults are just the computer's way of saying good night.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "378797861269289627"
          ],
          "editableUntil" : "2013-09-14T09:30:22.507Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Dani Ferreira",
            "screen_name" : "dani_on_wheels",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "402118865",
            "id" : "402118865"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "0",
      "id_str" : "378797861269289627",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "378797861269289627",
      "created_at" : "Sat Sep 14 08:30:22 +0000 2013",
      "favorited" : false,
      "full_text" : "RT @dani_on_wheels: Reminder that the best bike is the one you actually ride. Go outside.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "351418085911740650"
          ],
          "editableUntil" : "2013-06-30T20:12:55.370Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "95"
      ],
      "favorite_count" : "11",
      "id_str" : "351418085911740650",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "351418085911740650",
      "created_at" : "Sun Jun 30 19:12:55 +0000 2013",
      "favorited" : false,
      "full_text" : "First 100 km ride done: Manchester to the Peak District and back. Ate four flapjacks and a pie.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325983549057615673"
          ],
          "editableUntil" : "2013-04-21T15:45:09.233Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/325983549057615673/photo/1",
            "indices" : [
              "99",
              "122"
            ],
            "url" : "https://t.co/28RXUAoUxk",
            "media_url" : "http://pbs.twimg.com/media/2AGkURRo2AAAX0.jpg",
            "id_str" : "325983549057614673",
            "id" : "325983549057614673",
            "media_url_https" : "https://pbs.twimg.com/media/2AGkURRo2AAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/28RXUAoUxk"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "8",
      "id_str" : "325983549057615673",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325983549057615673",
      "possibly_sensitive" : false,
      "created_at" : "Sun Apr 21 14:45:09 +0000 2013",
      "favorited" : false,
      "full_text" : "Bought a second-hand steel road bike from a man called Clive. It's blue, it's heavy, it's perfect. https://t.co/28RXUAoUxk",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/325983549057615673/photo/1",
            "indices" : [
              "99",
              "122"
            ],
            "url" : "https://t.co/28RXUAoUxk",
            "media_url" : "http://pbs.twimg.com/media/2AGkURRo2AAAX0.jpg",
            "id_str" : "325983549057614673",
            "id" : "325983549057614673",
            "media_url_https" : "https://pbs.twimg.com/media/2AGkURRo2AAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/28RXUAoUxk"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "298008245446626696"
          ],
          "editableUntil" : "2013-02-03T11:01:17.096Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "108",
              "118"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "118"
      ],
      "favorite_count" : "6",
      "id_str" : "298008245446626696",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "298008245446626696",
      "created_at" : "Sun Feb 03 10:01:17 +0000 2013",
      "favorited" : false,
      "full_text" : "Tried a 75% hydration dough today. It poured off the bench like pancake batter. Back to 68% &amp; humility. #sourdough",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "279986679534867415"
          ],
          "editableUntil" : "2012-12-15T17:30:00.959Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "2",
      "id_str" : "279986679534867415",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "279986679534867415",
      "created_at" : "Sat Dec 15 16:30:00 +0000 2012",
      "favorited" : false,
      "full_text" : "Hot chocolate, a finished Python script that renamed 400 photos, and rain outside. Good Saturday.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "254919705743417461"
          ],
          "editableUntil" : "2012-10-07T13:22:48.685Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ruth Okonjo",
            "screen_name" : "ruth_proofs",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "318224907",
            "id" : "318224907"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "254885229138598438",
      "id_str" : "254919705743417461",
      "in_reply_to_user_id" : "318224907",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "254919705743417461",
      "in_reply_to_status_id" : "254885229138598438",
      "created_at" : "Sun Oct 07 12:22:48 +0000 2012",
      "favorited" : false,
      "full_text" : "@ruth_proofs Yes! A 40 minute autolyse made the crumb so much more open. Thanks for the tip.",
      "lang" : "en",
      "in_reply_to_screen_name" : "ruth_proofs",
      "in_reply_to_user_id_str" : "318224907"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "239452844264908484"
          ],
          "editableUntil" : "2012-08-25T21:03:01.548Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Crumb Club",
            "screen_name" : "crumb_club_uk",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1184320275",
            "id" : "1184320275"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "0",
      "id_str" : "239452844264908484",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "239452844264908484",
      "created_at" : "Sat Aug 25 20:03:01 +0000 2012",
      "favorited" : false,
      "full_text" : "RT @crumb_club_uk: The secret ingredient in every good loaf is time. Flour, water and salt do the rest.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "203755789241183507"
          ],
          "editableUntil" : "2012-05-19T08:55:40.411Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "4",
      "id_str" : "203755789241183507",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "203755789241183507",
      "created_at" : "Sat May 19 07:55:40 +0000 2012",
      "favorited" : false,
      "full_text" : "Rode to work for the first time: 14 km, one wrong turn, zero regrets. Legs have opinions though.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "175651737274610530"
          ],
          "editableUntil" : "2012-03-02T19:40:12.274Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "5",
      "id_str" : "175651737274610530",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "175651737274610530",
      "created_at" : "Fri Mar 02 18:40:12 +0000 2012",
      "favorited" : false,
      "full_text" : "Named the starter Gerald. Feeding him twice a day like a needy pet.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "168261511464581553"
          ],
          "editableUntil" : "2012-02-11T10:14:05.137Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "sourdough",
            "indices" : [
              "70",
              "80"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/168261511464581553/photo/1",
            "indices" : [
              "81",
              "104"
            ],
            "url" : "https://t.co/hkuhbouDbh",
            "media_url" : "http://pbs.twimg.com/media/A8x8UrrGuAAAX0.jpg",
            "id_str" : "168261511464580553",
            "id" : "168261511464580553",
            "media_url_https" : "https://pbs.twimg.com/media/A8x8UrrGuAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/hkuhbouDbh"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "3",
      "id_str" : "168261511464581553",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "168261511464581553",
      "possibly_sensitive" : false,
      "created_at" : "Sat Feb 11 09:14:05 +0000 2012",
      "favorited" : false,
      "full_text" : "First loaf from the new starter. Dense as a brick, but it's MY brick. #sourdough https://t.co/hkuhbouDbh",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/tessa_demo/status/168261511464581553/photo/1",
            "indices" : [
              "81",
              "104"
            ],
            "url" : "https://t.co/hkuhbouDbh",
            "media_url" : "http://pbs.twimg.com/media/A8x8UrrGuAAAX0.jpg",
            "id_str" : "168261511464580553",
            "id" : "168261511464580553",
            "media_url_https" : "https://pbs.twimg.com/media/A8x8UrrGuAAAX0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/hkuhbouDbh"
          }
        ]
      }
    }
  }
]