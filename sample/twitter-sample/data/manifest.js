window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "483920175",
    "userName" : "tessa_demo",
    "displayName" : "Tessa Lindqvist (sample)"
  },
  "archiveInfo" : {
    "sizeBytes" : "0",
    "generationDate" : "2024-11-16T09:30:12.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "communityTweet" : {
      "files" : [ {
        "fileName" : "data/community-tweet.js",
        "globalName" : "YTD.community_tweet.part0",
        "count" : "0"
      } ]
    },
    "deletedTweetHeaders" : {
      "files" : [ {
        "fileName" : "data/deleted-tweet-headers.js",
        "globalName" : "YTD.deleted_tweet_headers.part0",
        "count" : "1"
      } ]
    },
    "deletedTweets" : {
      "mediaDirectory" : "data/deleted_tweets_media",
      "files" : [ {
        "fileName" : "data/deleted-tweets.js",
        "globalName" : "YTD.deleted_tweets.part0",
        "count" : "1"
      } ]
    },
    "noteTweet" : {
      "files" : [ {
        "fileName" : "data/note-tweet.js",
        "globalName" : "YTD.note_tweet.part0",
        "count" : "1"
      } ]
    },
    "tweetHeaders" : {
      "files" : [ {
        "fileName" : "data/tweet-headers.js",
        "globalName" : "YTD.tweet_headers.part0",
        "count" : "85"
      } ]
    },
    "tweets" : {
      "mediaDirectory" : "data/tweets_media",
      "files" : [ {
        "fileName" : "data/tweets.js",
        "globalName" : "YTD.tweets.part0",
        "count" : "85"
      } ]
    }
  }
}