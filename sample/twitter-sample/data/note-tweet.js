window.YTD.note_tweet.part0 = [
  {
    "noteTweet" : {
      "noteTweetId" : "1373386553904070656",
      "updatedAt" : "2021-03-20T21:30:45.000Z",
      "lifecycle" : {
        "value" : "1",
        "name" : "Active",
        "originalName" : "Active",
        "annotations" : { }
      },
      "createdAt" : "2021-03-20T21:30:45.000Z",
      "core" : {
        "styletags" : [ ],
        "urls" : [ ],
        "text" : "Why I'm moving to Lisbon, in one long post because it doesn't fit in a tweet.\n\nI've worked remotely for a Rust team since October, so the job comes with me. After nine winters of riding to work in Manchester rain, I want to cycle all year round, and Lisbon has the light, the river and about 300 days of sun.\n\nI fell for the city on a holiday in 2018: the tiled streets, a bakery on every corner, people staying out talking until late.\n\nIt won't all be easy: the hills are steep, my Portuguese is basic & I will miss my friends and the Saturday club rides. But the flat has a balcony for the bike and a little oven, and Gerald II (the starter) travels in my hand luggage.\n\nWish me luck. Obrigada! #LisbonByBike",
        "mentions" : [ ],
        "cashtags" : [ ],
        "hashtags" : [
          {
            "text" : "LisbonByBike",
            "fromIndex" : "697",
            "toIndex" : "710"
          }
        ]
      }
    }
  }
]