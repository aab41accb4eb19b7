window.YTD.deleted_tweet_headers.part0 = [
  {
    "tweet" : {
      "tweet_id" : "1543356341846982679",
      "user_id" : "483920175",
      "created_at" : "Sat Jul 02 22:10:00 +0000 2022",
      "deleted_at" : "Sat Jul 02 22:15:12 +0000 2022"
    }
  }
]