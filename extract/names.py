"""Name vocabulary of the person finder (extract.actors) that is not general news vocabulary:
given names by their frequency, and the words around names that say "a person".

GIVEN_NAMES_CENSUS holds the first names of the US Census Bureau's 1990 name files (public
domain; taken from the lists the PyPI package `names` 0.3.0 ships): every male name, every
female name of at least 0.002% of people, less the names that are English words ("Hope",
"Grace", "Will") or places ("Virginia", "Dallas") unless frequent as names ("Frank", "Harry"),
less the names more often surnames by the census's surname file ("Davis", "Harris", "Hong"),
and less the words of extract.vocabulary (countries, titles, months). Names of two letters are
left out.
"""

from __future__ import annotations

__all__ = [
    "GIVEN_NAMES_CENSUS",
    "NAME_TITLES",
    "NOT_PERSON_WORDS",
    "OCCUPATIONS",
    "OCCUPATIONS_PLURAL",
    "PLACE_OPENERS",
    "PLACE_TAILS",
    "STORY_GROUPS",
]

# US Census 1990 first names (see above), lower-case, in alphabetical order.
GIVEN_NAMES_CENSUS = frozenset(
    """
    abbie abby abe abigail abram ada adalberto adaline adan addie adela adelaida adelaide
    adele adelia adelina adeline adell adella adelle adina adolfo adolph adria adriana
    adriane adrianna adrianne adriene adrienne afton agatha agnes agustin agustina aida
    aileen aimee aja akiko alaina alana alanna alba albert alberta albertha albertina
    albertine albina alda alden aldo alec alecia aleida alejandra alejandrina alena alene
    alesha alesia aleta aletha alethea alethia alexa alexia alexis alfonso alfonzo alfred
    alfreda alfredo alia alica alida alisa alise alisha alishia alisia alissa alix aliza
    alla allan allegra allene allie alline allyson alma almeda almeta alonzo alphonse
    alphonso alta altagracia altha althea alton alva alvaro alvera alvin alvina alyce alycia
    alyse alysha alysia alyson alyssa amada amado amalia ami amie amina ammie amparo anabel
    anastacia anastasia andra andre andree andres andria andy anette angele angelena angelia
    angelica angelika angelina angeline angelique angelita angella angie anglea anh anibal
    anika anissa anita anitra anjanette annabel annabell annabelle annalee annalisa annamae
    annamarie anneliese annemarie annett annetta annette annice annie annmarie antione
    antionette antoine antoinette anton antone antonette antonia antonietta antonina antony
    antwan anya apryl araceli aracelis aracely arcelia archie ardell ardella arden ardis
    ardith aretha ariana ariane arianna arie ariel arielle arla arleen arlen arlena arlene
    arletta arlette arlie arline armand armanda armando armida arminda arnetta arnita
    arnoldo arnulfo aron arron artie arturo arvilla asa asha ashely ashlee ashleigh ashli
    ashlie ashly ashlyn assunta astrid athena aubrey audie audra audrea audrey audry
    augustina augustine augustus aundrea aurea aurelia aurelio ava avelina avis awilda ayana
    ayanna ayesha azucena babara babette bambi barbar barbera barbie barbra barry bart bea
    beatrice beatriz beckie becky belen belia belinda bella belva ben benita benito bennie
    benny berenice bernadette bernadine bernardo berneice bernetta bernice berniece bernita
    bert berta bertha bertie bertram bess bessie bethann bethany betsey betsy bette bettie
    bettina betty bettye beulah bev beverlee beverley beverly bianca billie billy billye
    birgit blaine blanca blanche bobbi bobbie bobby bobbye bonita bonnie bradley bradly
    branda brandee branden brandi brandie brant breanna breanne bree brenda brendan brendon
    brenna brent brenton bret brett briana brianna brianne brice bridget bridgett bridgette
    brigette brigid brigida brigitte brinda britany britney britni brittani brittany
    brittney brittni bronwyn brooke brunilda bryan bryce brynn bryon buffy buford burl byron
    caitlin caitlyn caleb callie calvin camelia cami camilla camille cammie candace candance
    candelaria candi candice candida candie candis candyce cara caren cari caridad carie
    carin carina carisa carissa carleen carlene carletta carley carlie carline carlo carlota
    carlotta carly carlyn carma carman carmel carmela carmelina carmelita carmella carmelo
    carmon carol carolann carole carolee carolyn carolyne carolynn carri carrie carrol cary
    caryl caryn casandra casie cassandra cassie catalina catarina caterina catharine cathi
    cathie cathleen cathrine cathryn cathy catina catrina cecelia cecil cecila cecile cecily
    cedric cedrick celena celeste celestina celestine celia celina celine cesar chadwick
    chana chanda chandra chanel chantal chante chantel chantell chantelle charise charissa
    charisse charla charleen charlene charlette charley charlie charline charmaine
    charolette chas chasity chauncey chaya chelsey chelsie cheri cherie cherise cherly
    cherri cherrie cherryl cheryl cheryle cheryll chester chet cheyenne chiquita chloe chong
    chrissy christa christal christeen christel christena christene christi christiana
    christiane christin christoper christy chrystal ciara cicely ciera cierra cinda cindi
    cindy cinthia clair clara clare clarence claribel clarice clarine clarissa clarita claud
    claude claudette claudine claudio clemente clementina clementine clemmie cleo cleopatra
    cleora cleta cletus clifford clint clotilde clyde colby coleen coletta colette collen
    collette collin colton columbus concepcion concetta conchita connie consuela consuelo
    cora corazon cordelia cordie coreen corene coretta corey cori corie corina corine
    corinna corinne cornelia corrie corrina corrine cortney cory craig criselda crissy
    crista cristal cristen cristi cristie cristin cristine cristobal cristopher cristy
    curtis cyndi cynthia cyril cyrus cythia dagmar daisey dalia dalila damaris damian damien
    damion damon dana danae dane danelle danette dani dania danial danica daniele daniella
    danielle danika danilo danita danna dannette dannie dannielle danny dante danuta
    danyelle daphine daphne dara darci darcie darcy darell daren daria darin dario darius
    darla darleen darlene darline daron darrel darrell darren darrick darrin darron darryl
    darwin daryl dave davida davina dawna dawne dayle dayna deana deandra deandre deangelo
    deann deanna deanne debbi debbie debbra debby debi debora debra debrah debroah dedra dee
    deeann deena deidra deidre deirdre del delana delbert delena delfina delia delicia
    delilah delinda delisa della delma delmar delmer delois delora delores deloris delpha
    delphia delphine demarcus demetra demetria demetrice demetrius dena deneen denese denice
    denise denisha denita denna dennise deon derek derick derrick deshawn desirae desiree
    desmond dessie detra devin devon devona devora devorah dewayne dewey dexter dian diane
    diann dianna dianne diedra diedre digna dina dinah dino dion dione dionna dionne dixie
    dollie dolores doloris domenic domenica dominga domingo dominic dominick dominique
    dominque domonique don dona donetta dong donita donn donna donnell donnie donny donte
    donya dora dorathy dorcas doreen dorene doretha dori dorian dorie dorinda dorine doris
    dorotha dorothea dorothy dorris dortha dorthea dorthy dottie dovie dreama drema drucilla
    drusilla duane dulce dustin dwain dwayne dwight dyan dylan earle earlean earleen earlene
    earline earnestine eartha eboni eda edda eddie edelmira eden edgar edgardo edie edison
    edith edmond edmund edmundo edna eduardo edwardo edwin edwina edythe effie efrain efren
    eileen elaina elaine elana elanor elayne elba elbert elda elden eldon eldora eleanor
    eleanora eleanore elease eleni elenor elenora elfriede elia eliana elias elicia elida
    elijah elinor elisa elisabeth elise eliseo elisha elissa eliza elizbeth elizebeth elke
    ella ellie elly ellyn elma elmer elmira elmo elna elnora elodia elois eloisa eloise
    elouise eloy elroy elsa elsie elton elva elvera elvia elvie elvin elvina elvira elvis
    elwood elyse ema emanuel emelda emelia emiko emil emile emilee emilia emilie emilio
    emmett emmie emmitt emmy emogene emory ena enedina eneida enid enoch enola enrique
    enriqueta epifania erasmo erica erich erick ericka erika erin erinn erlene erlinda
    erline erma ermelinda erminia erna ernest ernestina ernestine ernesto ernie errol
    esmeralda esperanza essie esta esteban estela estell estella estelle esther ethan ethel
    ethelene ethelyn ethyl etta eugene eugenia eugenie eugenio eula eulalia eun eunice
    eusebio evalyn evangelina evangeline evelia evelin evelina eveline evelyn evelyne
    everette evette evie evon evonne exie ezekiel ezequiel ezra fabian fabiola fae fannie
    farah farrah faustina faustino fausto fay faye federico felecia felica felice felicia
    felicita felicitas felipa felisa felisha ferdinand fermin fernanda ferne fidel filiberto
    filomena fiona flavia flo flor florance florencia florencio florene florentina
    florentino floretta florinda florine flossie floy floyd fonda fran frances francesco
    francie francina francine francisca francoise frankie franklyn fred freda freddie freddy
    frederic frederica fredericka fredia fredric fredrick freeda freida frieda fumiko
    gabriela gabriele gabriella gabrielle gail galen garfield garry garth gavin gaye gayla
    gayle gaylene gaylord gaynell gearldine gemma gena genaro geneva genevieve genia gennie
    genoveva geoffrey georgene georgetta georgette georgiana georgianna georgie georgina
    georgine gerald geraldine geraldo geralyn gerard gerardo gerda geri germaine gerri gerry
    gertha gertie gertrud gertrude gia gigi gilberto gilda gillian gina ginny gino giovanna
    giovanni gisela gisele giselle gladis glady gladys glenda glendora glenn glenna glennie
    glennis glinda glynda golda goldie gonzalo gracie graciela graig granville gregoria
    gregorio greta gretchen gretta griselda guadalupe gudrun guillermina guillermo gus
    gussie gwen gwenda gwendolyn gwenn gwyn hae hai hailey hal halina hallie hana hanh
    hannelore harlan harland harley harold harriet harriett harriette hattie haydee hayley
    hedwig hedy hee heide heidi helene helga hellen henrietta henriette herbert heriberto
    herlinda hermelinda hermina hermine herminia herschel hershel hettie hilaria hilario
    hilary hilda hilde hildegard hildegarde hildred hilma hipolito hiram hiroko hoa hobert
    holli hollie horace horacio hortencia hortense hortensia hosea howard hubert hugh hui
    hulda humberto huong hye hyon hyun ida idalia idell idella iesha ignacia ignacio ike ila
    ilana ilda ileana ilene iliana ilona ilse iluminada ima imelda imogene ina indira inell
    ines inez inga inge ingeborg inger ingrid inocencia iola iona ione ira irena irene irma
    irmgard isa isabel isabell isabella isabelle isaiah isaias isaura isela isiah isidra
    isidro isis ismael isreal issac iva ivana ivette ivonne jacalyn jacinta jacinto
    jackeline jacki jackie jacklyn jaclyn jacqualine jacque jacquelin jacqueline jacquelyn
    jacquelyne jacquelynn jacquiline jacquline jacqulyn jada jadwiga jae jaime jaimie jake
    jaleesa jamaal jamal jamar jame jamel jamey jami jamie jamila jammie jana janae janay
    janeen janel janell janelle janene janessa janeth janett janetta janette janey janice
    janie janina janine janis janita jann janna jannette jannie jaqueline jared jarod jarrod
    jasmin jaunita jay jayme jayne jayson jazmin jazmine jeana jeane jeanene jeanetta
    jeanette jeanie jeanine jeanna jeanne jeannette jeannie jeannine jed jefferey jeffery
    jeffry jen jena jenell jenelle jenette jeni jenice jenifer jeniffer jenine jenise jenna
    jennefer jennette jenni jennie jenniffer jenny jerald jeraldine jeramy jere jeremiah
    jeri jerilyn jermaine jerold jerome jeromy jerrell jerri jerrie jerrod jerrold jerry
    jesenia jesica jess jesse jessenia jessi jessie jesus jesusa jettie jill jillian jimmie
    jimmy jin jina joana joanie joann joanna joanne joaquin jocelyn jodee jodi jodie jody
    joeann joella joelle joellen joesph joetta joey johana johanna johnathan johnathon
    johnetta johnie johnna johnnie joi jolanda joleen jolene jolie jolynn jona jonah jonas
    jonathon jonell jonelle joni jonna jonnie josefa josefina joselyn josephina josephine
    josette josiah josie joslyn jospeh josue jovita joyce joycelyn joye juana juanita judi
    judie judith judson judy julee jules juli juliana juliane juliann julianna julianne
    juliet julieta juliette julio julissa julius jung junita justina justine jutta kacey
    kaci kacie kacy kaitlin kaitlyn kala kaley kali kam kami kandace kandi kandice kandy
    kara karan kareem karey kari karie karin karina karine karissa karla karleen karlene
    karmen karol karolyn karon karren karri karrie karyl karyn kasandra kasey kasie
    kassandra kassie katelyn kathaleen katharina katharine kathe katherin kathern katheryn
    kathey kathi kathie kathlene kathlyn kathrine kathryne kathy kathyrn kati katia katie
    katina katlyn katrice katrina kattie katy kaye kayla kaylee kayleen kayleigh kaylene
    kazuko kecia keely keena keesha keiko keisha keli kelle kellee kelli kellie kellye
    kelsey kelsie kelvin kena kendra keneth kenisha kenna kennith kenton kenyatta kenyetta
    keri kermit kerri kerrie kerry kesha keshia keven kia kiana kiara kiera kiesha kieth
    kiley kimberely kimberlee kimberley kimberli kimberlie kimberly kimbery kimiko kindra
    kip kira kirsten kirstin kisha kizzy korey kori kory kourtney kraig kris krista kristal
    kristan kristel kristen kristi kristian kristie kristin kristina kristine kristofer
    kristopher kristy kristyn krysta krystal krystle krystyna kum kurtis kyla kyle kylee
    kylie kym kymberly kyong kyra kyung laci lacie ladonna laila lakeisha lakesha lakeshia
    lakisha lamar lamont lan lana landon lanell lanette lani lanita lanny laquita larae
    laraine larhonda larisa larissa laronda lasandra lashanda lashawn lashonda lashunda
    latanya latasha latashia latesha latia laticia latisha latonia latonya latoria latosha
    latoya latrice latricia latrina launa laure laureen laurence laurene lauretta laurette
    lauri laurice laurie laurine lavada lavera lavern laverna laverne lavina lavinia lavon
    lavonda lavonia lavonne lawana lawanda lawanna lawerence lawrence layla lazaro leah
    leana leandra leandro leann leanna leanne leatha leatrice leda leeann leeanna leeanne
    leesa leif leigh leighann leila leilani leisa lela leland lelia lemuel len lena lenard
    lenna lennie lenny lenora lenore leola leona leonard leonarda leonardo leonel leonie
    leonila leonor leonora leonore leopoldo leora leota lera leroy les lesa lesia leslee
    lesley lesli leslie lessie leta letha leticia letitia lettie letty levi lexie lezlie lia
    liana liane libby librada lida lidia ligia lila lili lilia lilian liliana lilla lillian
    lillie lina lindy linette linh linnea linnie lino linsey linwood lionel lisbeth lise
    lisette lisha lissa lissette lita livia liza lizabeth lizbeth lizette lizzie lloyd loida
    lois lola lolita loma lon lona loni lonna lonnie lonny lora loraine loree loreen lorelei
    loren lorena lorene lorenza lorenzo loretta lori loriann lorie lorinda lorine lorna
    lorraine lorretta lorri lorrie lory lottie lou louann louanne louella louie louis louisa
    louise lourdes louvenia lovella lovie lowell loyce loyd luana luann luanne lucia luciana
    luciano lucie lucien lucienne lucila lucile lucille lucina lucinda lucio lucius lucrecia
    lucretia lucy ludie lue luella luigi luisa luise lula lulu lupe lupita lura lurline
    luther luvenia luz lyda lydia lyla lyle lyman lyn lynda lyndon lyndsay lyndsey lynell
    lynelle lynette lynne lynnette lynsey lynwood mabel mable mac machelle macie macy
    madaline madalyn madeleine madeline madelyn madge madie madlyn madonna mae maegan magaly
    magan magaret magda magdalen magdalena magdalene magen maggie mai maia maida maira
    majorie malcolm malcom malia malik malika malinda malisa malissa mallory mamie mammie
    mana manda mandi mandy manuel manuela mara maranda marc marcel marcela marcelina
    marceline marcelino marcella marcelle marcellus marcelo marci marcia marcie marcos marcy
    maren margareta margarete margarett margaretta margarette margarite margarito margart
    marge margeret margery marget margie margit margo margorie margot margret marguerita
    marguerite margurite mari mariah mariam marian mariana mariann marianna marianne mariano
    maribel maribeth maricela mariel mariela marietta marilee marilou marilu marilyn
    marilynn marisa marisela marisol marissa marita maritza marjorie marjory markita markus
    marla marlana marleen marlen marlena marlene marlo marlon marlyn marlys marna marni
    marnie marquerite marquetta marquita marsha martha marti martina martine marty marva
    marvin marya maryalice maryam maryann maryanne marybeth maryellen maryjane maryjo
    marylee marylin marylou marylyn masako mathew mathilda mathilde matilda matilde mattie
    maud maude maudie maura maureen maurice mauricio maurine mauro mavis maxie maximo maxine
    maya maybell maybelle maye mayme mayra mazie meagan meaghan mechelle mee megan meggan
    meghan meghann mei mel melaine melanie melany melba melina melinda melisa melissia
    mellie mellisa mellissa melodie melonie melony melva melvin melvina melynda meri
    meridith merilyn merle merlene merlin merna merri mervin meryl micaela micah michaela
    michal michale micheal michele micheline michell michiko micki mickie migdalia miguelina
    mika mikel mikki mila milagro milagros milan mildred milford milissa millard millicent
    millie milo mimi mina mindi mindy minerva minh minna minnie miquel mira mireille mireya
    miriam mirian mirna mirta mirtha missy misti mitch mitchel mittie mitzi modesta modesto
    moira moises mollie molly mona monica monika monique monserrate monte monty mose moshe
    mozell mozella mozelle mui muriel myong myra myriam myrle myrna myron myrtice myrtie
    myrtis myung nada nadine nakia nakisha nakita nan nana nanci nancie nanette nannette
    nannie naoma naomi napoleon narcisa natasha nathalie nathanael nathanial nathaniel
    natividad natosha ned nedra nelda nelia nelida nell nella nelle nellie nelly nena neoma
    nereida nerissa nestor neta nettie neva nga ngoc nia nichelle nichol nichole nicki
    nickie nickolas nickole nicky nicol nicolasa nicole nicolette nicolle nidia nigel niki
    nikia nikita nikole nila nilda nilsa ninfa nita noe noelia noella noelle noemi nola noma
    nona nora norah norbert norberto noreen norene norine norma norman normand nydia nyla
    obdulia ocie octavia octavio odessa odette odilia odis ofelia ola olen oleta olin ollie
    olympia oma omer ona oneida ophelia ora oralia oren orpha orval orville ossie osvaldo
    oswaldo otha otilia otis ouida ozella pam pamala pamela pamelia pamella pandora paola
    particia pasquale patrica patrice patrina patti pattie pauletta paulette paulina pauline
    pearle pearlene pearlie pearline peggie peggy penelope penni pennie percy perla pete
    petra petrina phil phillip phillis philomena phuong phylis phyliss phyllis pia piedad
    pilar polly porfirio porsha portia pricilla priscilla qiana queenie quentin quiana
    quincy quintin quinton rachael racheal rachele rachell rachelle racquel rae raeann
    rafaela raina ramiro ramona ramonita rana ranae randa randal randall randee randell
    randi randy raphael raquel rashad rasheeda rashida raul ray raye rayford raylene raymon
    raymond raymundo rayna reatha reba rebbeca rebbecca rebeca rebekah reda refugio regena
    regenia reggie regina reginald reiko reina reinaldo remedios rena renae renaldo renata
    renate renato rene renea renee renetta renita reta retha retta reuben reva rex rey
    reynaldo rhett rhiannon rhoda rhonda richelle richie rickey rickie ricky rico rigoberto
    rikki rina risa rita robbie robbin robby roberta robt robyn rocco rochell rochelle rocio
    roderick rodger rodney rodolfo rodrick rodrigo rogelio rolanda rolando rolf rolland roma
    romana romelia romeo romona rona ronda roni ronna ronni ronnie ronny roosevelt rory
    rosalba rosalee rosalia rosalie rosalina rosalind rosalinda rosaline rosalva rosalyn
    rosamond rosana rosann rosanna rosanne rosaria rosaura roscoe roseann roseanna roseanne
    rosella roselyn rosemarie rosendo rosetta rosia rosie rosina rosita roslyn rowena roxana
    roxane roxann roxanna roxanne roxie roy royce rozella ruben rubie rubye rudolf rudy
    rueben rufina rufus rupert russ russel russell ruthann ruthie sabina sabine sabra
    sabrina sachiko sade sadie sal salena salina sallie salome salvador salvatore samara
    samatha samira sammie sammy samual sandi sanjuana sanjuanita sanora santa santina santo
    sarina sarita sasha saul saundra scarlett scot scott scottie scotty sebrina selena
    selene selina selma serena serina seth sha shaina shakira shalonda shameka shamika shana
    shanda shandra shane shaneka shanell shanelle shani shanice shanika shanita shanna
    shannan shannon shanon shanta shante shantel shantell shara sharee sharen shari sharita
    sharla sharleen sharlene sharon sharonda sharron sharyl sharyn shasta shaun shauna
    shaunna shavon shavonne shawana shawanda shawn shawna shawnda shawnee shawnna shayla
    shayna shayne sheena sheila sheilah shela shelba shelby shelia shelley shelli shellie
    shelly shemika shena shenita sheree sheri sherie sherilyn sherita sherley sherly sherlyn
    sheron sherrell sherri sherrie sherron sherryl shery sheryl shiela shira shirlee
    shirleen shirlene shirley shirly shon shona shonda shonna shoshana shu sid sidney signe
    sigrid silas silvana silvia simona simone sindy siobhan skye slyvia socorro solange
    soledad sondra sonia sonja sonya soo sook sophia soraya stacey staci stacia stacie stacy
    stan stanley starla stefani stefania stefanie steffanie stella stephaine stephan
    stephane stephani stephany stephenie stephine stevie sudie sueann suellen suk susana
    susann susanna susannah susanne susie suzan suzann suzanna suzanne suzette suzie suzy
    sybil syble sylvia synthia syreeta tabatha tabetha tabitha takisha talia talisha talitha
    tamala tamar tamatha tameika tameka tamekia tamela tamera tamesha tami tamica tamie
    tamika tamiko tammara tammi tammie tammy tamra tana tanesha tangela tania tanika tanisha
    tanja tanna tara tarah tarsha taryn tasha tashia tatiana tawana tawanda tawanna tawnya
    ted teddy teena temeka tena tenisha tennie tennille teodora teodoro tera tereasa terence
    terese teresita teressa teri terra terrance terrence terresa terri terrie terry tesha
    tess tessa tessie thad thaddeus thalia thanh thea theda thelma theo theodora theodore
    theola theresa therese theresia theron thersa thomasina thomasine thresa thuy tia tiana
    tianna tierra tiesha tiffani tiffanie tiffany tiffiny tillie timmy tisha toby tod tomas
    tomasa tomeka tomika tommie tommy tomoko tonda toni tonia tonie tonja tonya tori tory
    tosha toshiko towanda toya tracee tracey traci tracie tracy trang travis trena tresa
    tressa tressie treva trevor trey tricia trina trinidad trish trisha trista tristan trudi
    trudie trudy trula truman tuan tuyet twana twila twyla tyesha tyra tyree tyrell tyron
    tyrone ulysses una usha vada val valarie valda valeria valerie vallie valorie vanda
    vanesa vanita vannessa veda velda velia vella velma velva vena venessa venice venita
    venus veola verda verdell verdie verena vergie verla verlene verlie vern verna vernell
    vernetta vernice vernie vernita verona veronica versie vesta veta vicenta vicente vickey
    vicki vickie vicky vida vikki vilma vina vince vincenza vincenzo vinnie violeta violette
    virgie virgil virgilio virgina vita vito vivan vivian viviana vivien vivienne von vonda
    vonnie wai wally waltraud wanda wanita waylon wayne weldon wendell wendi wendy wes
    wesley wilber wilbert wilbur wilburn wilda wilford wilfred wilfredo wilhelmina willa
    willene willia willian willie willy wilma wilmer wilton winford winfred winifred winnie
    winnifred winona wonda woodrow wynona xavier xiomara yadira yanira yesenia yetta ying
    yoko yolanda yolande yolando yolonda yong yoshiko yukiko yuko yun yvette yvonne
    zachariah zachary zachery zack zackary zaida zandra zane zelda zella zelma zena zenaida
    zenobia zina zita zoe zofia zoila zola zona zora zoraida zula zulema zulma
    """.split()
)

# Last words of place names that are no surnames: "Virginia Beach", "Grace Bay", "Lee County"
# name places even after a given name ("Hall", "Park", "Church", "Hill" are surnames too).
PLACE_TAILS = frozenset(
    """beach street avenue road boulevard square island islands river lake valley county city
    heights falls springs bay harbor harbour mountain mountains airport station bridge center
    centre village cathedral chapel stadium arena gardens forest creek canyon coast plaza mall
    tower palace castle prison theatre theater hotel highway expressway peninsula desert
    glacier canal district province region""".split()
)

# Words that make a capitalised phrase a thing named after a person, not the person: "Harlow
# Family Initiative", "Vera Lind Classic", "Ida Borg Memorial Award" (not the common
# surnames among such words: Hall, Park, Church, Law, Day).
NOT_PERSON_WORDS = PLACE_TAILS | frozenset(
    """research campaign initiative inn convention dynasty memorial award awards prize classic
    cup open trophy golf mansion project act show festival games championship tournament series
    poll survey forecast report review magazine foundation institute fund museum library
    school university college hospital center clinic company corporation inc
    ltd llc group partners associates brothers bros studios records productions entertainment
    media network channel radio tv doctrine plan rule bill amendment syndrome disease
    effect index method theory model week year music rights primary primaries caucus
    recession crisis war revolution movement system systems study program programme""".split()
)
# First words of place names: "Los Angeles", "St. Louis", "Fort Worth", "Great Falls".
PLACE_OPENERS = frozenset(
    """los las san santa santo sao st saint ste fort port mount mt lake new north south east
    west upper lower great little""".split()
)

_OCCUPATION_WORDS = """musician actor actress singer songwriter singer-songwriter rapper guitarist
    drummer bassist pianist violinist composer conductor producer illustrator cartoonist animator
    painter sculptor photographer filmmaker playwright screenwriter novelist poet author writer
    publisher editor columnist blogger broadcaster presenter   comedian dancer
    choreographer designer architect engineer inventor entrepreneur businessman businesswoman
    tycoon magnate billionaire banker investor owner landlord astronaut physicist chemist
    biologist astronomer mathematician geologist psychologist sociologist philosopher historian
    archaeologist anthropologist scholar academic lecturer teacher student pupil graduate
    physician surgeon doctor nurse paramedic pharmacist dentist veterinarian midwife
    politician councillor councilor councilman councilwoman alderman legislator assemblyman
    assemblywoman candidate nominee incumbent challenger activist campaigner organiser organizer
    volunteer lawyer barrister solicitor attorney prosecutor detective investigator officer
    soldier sergeant corporal pilot firefighter priest pastor preacher cleric monk nun
    missionary defector dissident whistleblower hacker athlete player footballer cricketer
    defender midfielder striker goalkeeper keeper  winger skipper captain teammate
    coach referee umpire cyclist runner sprinter swimmer skier golfer boxer wrestler jockey
    driver racer stylist chef baker farmer fisherman miner worker resident
    neighbour neighbor witness victim survivor suspect defendant plaintiff inmate prisoner
    husband wife son daughter father mother brother sister uncle aunt cousin nephew niece
    grandson granddaughter grandfather grandmother widow widower fiancee fiance
    friend colleague"""

_PLURAL_EXCEPTIONS = {
    "actress": "actresses",
    "businessman": "businessmen",
    "businesswoman": "businesswomen",
    "councilman": "councilmen",
    "councilwoman": "councilwomen",
    "alderman": "aldermen",
    "assemblyman": "assemblymen",
    "assemblywoman": "assemblywomen",
    "fisherman": "fishermen",
    "wife": "wives",
    "widow": "widows",
    "nephew": "nephews",
    "niece": "nieces",
    "monk": "monks",
}


def _plural(word: str) -> str:
    if word in _PLURAL_EXCEPTIONS:
        return _PLURAL_EXCEPTIONS[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# Lower-case nouns of occupations, kinship and standing that describe the person whose name
# follows: "musician Renzo Albani", "photographers Ilse Brandvold and Kasimir Oduya", "her
# husband Tom". Each singular with its plural.
OCCUPATIONS_PLURAL = frozenset(_plural(word) for word in _OCCUPATION_WORDS.split())
OCCUPATIONS = frozenset(_OCCUPATION_WORDS.split()) | OCCUPATIONS_PLURAL
# Capitalised titles before a name that extract.vocabulary does not hold: "Councillor Petra
# Lindqvist", "Assemblywoman Rosa Diaz".
NAME_TITLES = frozenset(
    """councillor councilor councilman councilwoman alderman alderwoman assemblyman
    assemblywoman assemblymember delegate trooper officer pastor deacon elder imam rabbi
    chaplain coach""".split()
)

# Plural nouns of the parties to the event a story reports, each with its class (nouns of one
# class name one group): "negotiators" at talks, "protesters" at a protest, "firefighters" at a
# fire. Bare, they stay one actor through a story, and are the story's one qualified group of
# their class ("Portuguese firefighters ... firefighters"); other bare plurals ("officials",
# "analysts", "experts") name different people each time.
STORY_GROUPS = {
    "negotiators": "negotiators",
    "delegations": "negotiators",
    "delegates": "negotiators",
    "mediators": "mediators",
    "protesters": "protesters",
    "protestors": "protesters",
    "demonstrators": "protesters",
    "marchers": "protesters",
    "rioters": "rioters",
    "strikers": "strikers",
    "investigators": "investigators",
    "inspectors": "inspectors",
    "firefighters": "firefighters",
    "firemen": "firefighters",
    "rescuers": "rescuers",
    "searchers": "rescuers",
    "hostages": "hostages",
    "captives": "hostages",
    "kidnappers": "kidnappers",
    "hijackers": "hijackers",
    "gunmen": "attackers",
    "attackers": "attackers",
    "assailants": "attackers",
    "survivors": "survivors",
    "evacuees": "evacuees",
    "passengers": "passengers",
    "jurors": "jurors",
    "mourners": "mourners",
    "plaintiffs": "plaintiffs",
    "petitioners": "plaintiffs",
    "organisers": "organisers",
    "organizers": "organisers",
    "witnesses": "witnesses",
}
