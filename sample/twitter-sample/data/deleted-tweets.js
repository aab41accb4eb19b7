window.YTD.deleted_tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1543356341846982679"
          ],
          "editableUntil" : "2022-07-02T23:10:00.727Z",
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
        "68"
      ],
      "favorite_count" : "0",
      "id_str" : "1543356341846982679",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1543356341846982679",
      "created_at" : "Sat Jul 02 22:10:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Hot take: pineapple belongs in bread. Deleting this in five minutes.",
      "lang" : "en",
      "deleted_at" : "Sat Jul 02 22:15:12 +0000 2022"
    }
  }
]