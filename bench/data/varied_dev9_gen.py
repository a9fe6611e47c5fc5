# Generator of bench/data/varied_dev9.jsonl (seed 13). After generation the 14 "X denies it is
# raising new funding" rows were relabelled as denied funding of X (docs/deals.md convention).
import json, random
random.seed(13)
N=["Harbor Lane","Crunchy Data","quillfox","Tern 42","Mossgate","Brightwater Labs","Oakline AI","Saltpine","nimbuszero","Cobalt Finch","Ember Row","Lumenfold","Stackwise","Paperplane Robotics","Ironbark","Glasshouse AI","Rivet9","Vellum Works","Northdeck","Coppervine","Kestrel Point","blue otter","Driftwood Systems","Fernhill","Marlow Compute","Quietbeam","Sundial Bio","Tallgrass","Wrenfield","Zephyr Nine","Ashgrove","Bramble Data","Clearcut","Dovetail AI","Elmstead","Foxlight","Granite Hill","Hollowpeak","Inkwell Labs","Juniper Grid","Kilnworks","Larkspur","Meadowbank","Nettle","Orchard Deep","Pinecrest AI","Quarry Labs","Redfern","Silverbirch","Thornbury","Umbra3","Vantagefold","Willowmere","Yarrow","Atlas Rook","Beacon Pike","Cinder Labs","Duskline","Everpine","Flintlock AI"]
I=["Sequoia","Accel","Lightspeed","Index Ventures","Greylock","Conviction","Andreessen Horowitz","Benchmark","Balderton","Peak XV","Elevation Capital","SoftBank","Kakao Ventures","Blackbird","Square Peg","Northzone","Hollow Oak Capital","Tidewater Ventures","Granary Fund","Redkite Partners"]
B=["Nvidia","Microsoft","Salesforce","Databricks","Snowflake","ServiceNow","Cohere","Mistral AI","Samsung","Infosys","SAP","Atlassian","Canva","Naver","SoftBank","Wipro"]
rows=[]
def P(n,r,lead=False):
    d={"name":n,"role":r}
    if lead: d["lead"]=True
    return d
def amt(v,c="USD"): return {"value":float(v),"currency":c}
def pick(l,k=1): return random.sample(l,k)
FUND=[
 ("{t} raises {a} Series {s} led by {i}","The {d} startup said {j} also joined the round.","US"),
 ("{t} bags {a} in Series {s} round","The round was led by {i} with participation from {j}. The company builds {d} tools.","US"),
 ("A {a} raise for {t}, led by {i}","{j} joined. {t} makes {d} software for hospitals.","US"),
 ("{t} secures {a} to scale its {d} platform","{i} led the Series {s}; existing backer {j} also participated.","US"),
 ("Exclusive: {t} lands {a} from {i}","{i} led the round, which {j} joined, sources said the company confirmed on Tuesday.","US"),
 ("{t} — the {d} upstart — closes {a} Series {s}","Led by {i}, with {j} in the round.","US"),
 ("Funding: {t} ({a}, Series {s})","Investors: {i} (lead), {j}.","US"),
 ("{t} has raised {a} in a round led by {i}","The company, which builds {d} agents, said {j} also invested.","US"),
]
DOM=["legal","radiology","supply-chain","code-review","voice","robotics","chip-design","fraud","insurance","climate"]
amts=[("$12 million",12e6,"USD"),("$45M",45e6,"USD"),("$1.1 billion",1.1e9,"USD"),("$300m",300e6,"USD"),("€20 million",20e6,"EUR"),("£8m",8e6,"GBP"),("A$15 million",15e6,"AUD"),("₹150 crore",1.5e9,"INR"),("¥3 billion",3e9,"JPY"),("₩20 billion",20e9,"KRW"),("$7.5M",7.5e6,"USD"),("$90 million",90e6,"USD")]
outlets=["TechCrunch","The Information","Reuters","Bloomberg","SiliconANGLE","VentureBeat","Inc42","Sifted","The Korea Herald","Nikkei Asia","AFR","Financial Times","YourStory","Tech.eu"]
for k in range(95):
    t,j=pick(N,2); i=random.choice(I); jj=random.choice([x for x in I if x!=i])
    tpl,sm,_=random.choice(FUND); a=random.choice(amts); s=random.choice("ABCD")
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,
      "title":tpl.format(t=t,a=a[0],s=s,i=i,d=random.choice(DOM)),
      "summary":sm.format(t=t,i=i,j=jj,d=random.choice(DOM),s=s),
      "deals":[{"type":"funding","status":"announced","amount":amt(a[1],a[2]),"parties":[P(t,"target"),P(i,"investor",True),P(jj,"investor")]}],"note":"funding; lead and participant"})
# first-party funding
FP=[("Our Series {s}","Today we're announcing {a} in Series {s} funding led by {i}, with {j} participating. It lets us hire across research and go-to-market."),
    ("Announcing our {a} round","We've raised {a} led by {i}. {j} also joined. Thank you to our customers."),
    ("The next chapter: Series {s}","{o} has raised {a} in a Series {s} led by {i}, alongside {j}.")]
for k in range(25):
    o=random.choice(N); i=random.choice(I); jj=random.choice([x for x in I if x!=i]); a=random.choice(amts); s=random.choice("ABC")
    tt,sm=random.choice(FP)
    rows.append({"outlet":o+" Blog","first_party":True,"organization":o,"title":tt.format(s=s,a=a[0]),"summary":sm.format(s=s,a=a[0],i=i,j=jj,o=o),
      "deals":[{"type":"funding","status":"announced","amount":amt(a[1],a[2]),"parties":[P(o,"target"),P(i,"investor",True),P(jj,"investor")]}],"note":"first-party funding"})
ACQ=[("{a} acquires {t}","The deal, terms of which were not disclosed, brings {t}'s {d} team to {a}.",None),
     ("{t} acquired by {a} for {m}","{a} will fold the {d} startup into its platform.",1),
     ("{a} to buy {t} in {m} deal","The acquisition is expected to close next quarter.",1),
     ("{a} snaps up {d} startup {t}","Financial terms were not disclosed.",None),
     ("{t} agrees to be bought by {a}","The boards of both companies approved the deal.",None),
     ("Why {a} is buying {t}","{a} said on Monday it would acquire {t} for {m}, its largest deal this year.",1)]
for k in range(45):
    a=random.choice(B); t=random.choice(N); m=random.choice(amts); tpl,sm,hasm=random.choice(ACQ)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":tpl.format(a=a,t=t,m=m[0],d=random.choice(DOM)),"summary":sm.format(a=a,t=t,m=m[0],d=random.choice(DOM)),
      "deals":[{"type":"acquisition","status":"announced","amount":amt(m[1],m[2]) if hasm else None,"parties":[P(a,"acquirer"),P(t,"target")]}],"note":"acquisition"})
for k in range(15):
    o=random.choice(N); t=random.choice([x for x in N if x!=o])
    rows.append({"outlet":o+" Newsroom","first_party":True,"organization":o,"title":random.choice(["Welcoming {t} to the family","{t} is joining {o}","We're acquiring {t}"]).format(t=t,o=o),
      "summary":"We're excited to share that {o} has acquired {t}, whose team built the best {d} tooling we've used.".format(o=o,t=t,d=random.choice(DOM)),
      "deals":[{"type":"acquisition","status":"announced","amount":None,"parties":[P(o,"acquirer"),P(t,"target")]}],"note":"first-party acquisition"})
PART=[("{a} and {b} partner on {d} models","The two companies will co-develop {d} models for enterprise customers."),
      ("{a} teams up with {b} to bring agents to {d}","Under the partnership, {b} will offer {a}'s agents to its customers."),
      ("{b} signs strategic partnership with {a}","The multi-year partnership covers {d} workloads.")]
for k in range(25):
    a=random.choice(N); b=random.choice(B); tpl,sm=random.choice(PART); d=random.choice(DOM)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":tpl.format(a=a,b=b,d=d),"summary":sm.format(a=a,b=b,d=d),
      "deals":[{"type":"partnership","status":"announced","amount":None,"parties":[P(a,"partner"),P(b,"partner")]}],"note":"partnership"})
for k in range(12):
    a=random.choice(B); t=random.choice(N); m=random.choice(amts)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":"{a} invests {m} in {t}".format(a=a,m=m[0],t=t),"summary":"The strategic investment gives {a} a minority stake.".format(a=a),
      "deals":[{"type":"investment","status":"announced","amount":amt(m[1],m[2]),"parties":[P(a,"investor"),P(t,"target")]}],"note":"investment"})
for k in range(8):
    t=random.choice(N); b=random.choice(B)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":"{b} licenses {t}'s {d} models".format(b=b,t=t,d=random.choice(DOM)),"summary":"The licensing agreement lets {b} ship the models in its products.".format(b=b),
      "deals":[{"type":"licensing","status":"announced","amount":None,"parties":[P(t,"licensor"),P(b,"licensee")]}],"note":"licensing"})
for k in range(6):
    t=random.choice(N)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":"{t} files for IPO".format(t=t),"summary":"The {d} company filed confidentially to list its shares.".format(d=random.choice(DOM)),
      "deals":[{"type":"ipo","status":"announced","amount":None,"parties":[P(t,"issuer")]}],"note":"ipo"})
for k in range(6):
    a=random.choice(B); t=random.choice(N)
    rows.append({"outlet":random.choice(outlets),"first_party":False,"organization":None,"title":"{a} denies report it will acquire {t}".format(a=a,t=t),"summary":"A spokesperson said there were no talks.",
      "deals":[{"type":"acquisition","status":"denied","amount":None,"parties":[P(a,"acquirer"),P(t,"target")]}],"note":"denied acquisition"})
NEG=["{t} partners with customers to cut {d} review times","How {t} helps sales teams acquire customers faster","Is {t} IPO-ready? Five questions for its new CFO","{t} opens new office in Bengaluru","{t} tops the {d} benchmark with its new model","{t} launches $1M prize for open {d} research","{t} sued over its failed acquisition of a rival","Opinion: the AI funding frenzy will end badly","Podcast: {t}'s CEO on raising money in a downturn","We're hiring: partnerships manager at {t}","{t} ships agent builder with 40 integration partners","Customer story: how a bank deployed {t}","{t} accelerator programme opens applications","Our research: scaling laws for {d} models","{t} denies it is raising new funding","Event recap: {t} at the AI summit in Seoul","{t} names former Google exec as CEO","Policy: EU AI Act rules for {d} providers","{t} hits $50M in annual revenue","Inside {t}'s plan to acquire a million users","{t} launches partner portal for resellers","{t} reports ₹40 crore revenue, turns profitable","{t} wins ¥100 million government grant","Analysis: why M&A in AI is slowing","{t} expands to Australia, hires A$ country lead","{t} rolls out voice model in Korean and Japanese","Benchmark: {t} vs rivals on {d} tasks","Newsletter: ten {d} tools we like this week","{t} releases open-weights {d} model","{t}'s founder on the investor who said no"]
NSUM=["The company said the feature is live today.","No financial terms were part of the announcement.","Here's what we learned shipping it.","The update rolls out to all plans next week.","Read the full post on our blog."]
for k in range(330):
    t=random.choice(N); fp=random.random()<0.3
    rows.append({"outlet":(t+" Blog") if fp else random.choice(outlets+["The Rundown AI","TLDR AI","Import AI"]),"first_party":fp,"organization":t if fp else None,
      "title":random.choice(NEG).format(t=t,d=random.choice(DOM)),"summary":random.choice(NSUM),"deals":[],"note":"negative"})
seen=set(); out=[]
for r in rows:
    if r["title"] in seen: continue
    seen.add(r["title"]); out.append(r)
random.shuffle(out)
with open("bench/data/varied_dev9.jsonl","w") as f:
    for r in out: f.write(json.dumps(r,ensure_ascii=False)+"\n")
print(len(out), sum(1 for r in out if r["deals"]))
