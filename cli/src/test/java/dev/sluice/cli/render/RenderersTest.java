package dev.sluice.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Exact text of each entity layout, from entities shaped like ksqlDB's. */
class RenderersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EntityRenderers renderers = new EntityRenderers();

  private String render(String json) throws Exception {
    return renderers.render(JSON.readTree(json.replace('\'', '"')));
  }

  @Test
  void currentStatus() throws Exception {
    assertThat(render("{'@type':'currentStatus','statementText':'CREATE STREAM S ...;','commandId':'stream/S/create',"
        + "'commandStatus':{'status':'SUCCESS','message':'Stream created','queryId':null},"
        + "'commandSequenceNumber':2,'warnings':[]}"))
        .isEqualTo(String.join("\n",
            " Message",
            "----------------",
            " Stream created",
            "----------------",
            ""));
  }

  @Test
  void streams() throws Exception {
    assertThat(render("{'@type':'streams','statementText':'SHOW STREAMS;','streams':["
        + "{'type':'STREAM','name':'PAGEVIEWS','topic':'pageviews','keyFormat':'KAFKA','valueFormat':'JSON','isWindowed':false},"
        + "{'type':'STREAM','name':'S','topic':'s','keyFormat':'JSON','valueFormat':'AVRO','isWindowed':true}],"
        + "'warnings':[]}"))
        .isEqualTo(String.join("\n",
            " Stream Name | Kafka Topic | Key Format | Value Format | Windowed",
            "------------------------------------------------------------------",
            " PAGEVIEWS   | pageviews   | KAFKA      | JSON         | false",
            " S           | s           | JSON       | AVRO         | true",
            "------------------------------------------------------------------",
            ""));
  }

  @Test
  void tablesWithNoneYet() throws Exception {
    assertThat(render("{'@type':'tables','tables':[]}"))
        .isEqualTo(String.join("\n",
            " Table Name | Kafka Topic | Key Format | Value Format | Windowed",
            "-----------------------------------------------------------------",
            "-----------------------------------------------------------------",
            ""));
  }

  @Test
  void queries() throws Exception {
    assertThat(render("{'@type':'queries','queries':[{'queryString':'CREATE STREAM S2 AS SELECT *\\nFROM S EMIT CHANGES;',"
        + "'sinks':['S2'],'sinkKafkaTopics':['S2'],'id':'CSAS_S2_1','statusCount':{'RUNNING':1},"
        + "'queryType':'PERSISTENT','state':'RUNNING'}]}"))
        .isEqualTo(String.join("\n",
            " Query ID  | Query Type | Status    | Sink Name | Sink Kafka Topic | Query String",
            "-----------------------------------------------------------------------------------------------------------------------",
            " CSAS_S2_1 | PERSISTENT | RUNNING:1 | S2        | S2               | CREATE STREAM S2 AS SELECT * FROM S EMIT CHANGES;",
            "-----------------------------------------------------------------------------------------------------------------------",
            "For detailed information on a Query run: EXPLAIN <Query ID>;",
            ""));
  }

  @Test
  void describeStream() throws Exception {
    assertThat(render("{'@type':'sourceDescription','statementText':'DESCRIBE S;','sourceDescription':{"
        + "'name':'S','windowType':null,'type':'STREAM','timestamp':'','keyFormat':'KAFKA','valueFormat':'JSON',"
        + "'topic':'s','partitions':1,'replication':1,'statement':'','extended':false,"
        + "'fields':["
        + "{'name':'ID','schema':{'type':'STRING','fields':null,'memberSchema':null},'type':'KEY'},"
        + "{'name':'AMOUNT','schema':'DECIMAL(26, 6)'},"
        + "{'name':'TAGS','schema':{'type':'ARRAY','memberSchema':{'type':'STRING'}}},"
        + "{'name':'PRICE','schema':{'type':'DECIMAL','parameters':{'precision':10,'scale':2}}}],"
        + "'readQueries':[],"
        + "'writeQueries':[{'queryString':'CREATE STREAM S2 AS SELECT * FROM S;','sinks':['S2'],"
        + "'id':'CSAS_S2_1','state':'RUNNING'}]},'warnings':[]}"))
        .isEqualTo(String.join("\n",
            "Name                 : S",
            "Type                 : STREAM",
            "Timestamp field      : Not set - using <ROWTIME>",
            "Key format           : KAFKA",
            "Value format         : JSON",
            "Kafka topic          : s (partitions: 1, replication: 1)",
            "",
            " Field  | Type",
            "-------------------------",
            " ID     | STRING (key)",
            " AMOUNT | DECIMAL(26, 6)",
            " TAGS   | ARRAY<STRING>",
            " PRICE  | DECIMAL(10, 2)",
            "-------------------------",
            "",
            "Queries that write to this STREAM",
            "---------------------------------",
            "CSAS_S2_1 (RUNNING) : CREATE STREAM S2 AS SELECT * FROM S;",
            "",
            "For query topology and execution plan please run: EXPLAIN <QueryId>",
            ""));
  }

  @Test
  void describeTableMarksThePrimaryKey() throws Exception {
    assertThat(render("{'@type':'sourceDescription','sourceDescription':{'name':'T','type':'TABLE',"
        + "'timestamp':'TS','keyFormat':'JSON','valueFormat':'JSON','topic':'t','fields':["
        + "{'name':'K','schema':{'type':'INTEGER'},'type':'KEY'},"
        + "{'name':'S','schema':{'type':'STRUCT','fields':[{'name':'A','schema':{'type':'BIGINT'}}]}},"
        + "{'name':'M','schema':{'type':'MAP','memberSchema':{'type':'DOUBLE'}}}]}}"))
        .isEqualTo(String.join("\n",
            "Name                 : T",
            "Type                 : TABLE",
            "Timestamp field      : TS",
            "Key format           : JSON",
            "Value format         : JSON",
            "Kafka topic          : t",
            "",
            " Field | Type",
            "-------------------------------",
            " K     | INTEGER (primary key)",
            " S     | STRUCT<A BIGINT>",
            " M     | MAP<STRING, DOUBLE>",
            "-------------------------------",
            ""));
  }

  @Test
  void topics() throws Exception {
    assertThat(render("{'@type':'kafka_topics','topics':[{'name':'pageviews','replicaInfo':[1,1]}]}"))
        .isEqualTo(String.join("\n",
            " Kafka Topic | Partitions | Partition Replicas",
            "-----------------------------------------------",
            " pageviews   | 2          | 1,1",
            "-----------------------------------------------",
            ""));
  }

  @Test
  void topicsExtendedAddConsumersAndGroups() throws Exception {
    assertThat(render("{'@type':'kafka_topics_extended','statementText':'SHOW TOPICS EXTENDED;','topics':["
        + "{'name':'pageviews','replicaInfo':[3,3],'consumerCount':2,'consumerGroupCount':1},"
        + "{'name':'users','replicaInfo':[1],'consumerCount':0,'consumerGroupCount':0}],'warnings':[]}"))
        .isEqualTo(String.join("\n",
            " Kafka Topic | Partitions | Partition Replicas | Consumers | ConsumerGroups",
            "----------------------------------------------------------------------------",
            " pageviews   | 2          | 3,3                | 2         | 1",
            " users       | 1          | 1                  | 0         | 0",
            "----------------------------------------------------------------------------",
            ""));
  }

  @Test
  void variablesFromTheServer() throws Exception {
    assertThat(render("{'@type':'variables','statementText':'SHOW VARIABLES;','variables':["
        + "{'name':'replicas','value':'3'},{'name':'topicName','value':'my_topic'}],'warnings':[]}"))
        .isEqualTo(String.join("\n",
            " Variable Name | Value",
            "--------------------------",
            " replicas      | 3",
            " topicName     | my_topic",
            "--------------------------",
            ""));
  }

  @Test
  void sourceDescriptionsPrintEachSourceInTurn() throws Exception {
    String stream = "{'name':'S','type':'STREAM','timestamp':'','keyFormat':'KAFKA','valueFormat':'JSON',"
        + "'topic':'s','partitions':1,'replication':1,'extended':true,'statistics':'','errorStats':'',"
        + "'fields':[{'name':'ID','schema':{'type':'STRING'},'type':'KEY'}],'readQueries':[],'writeQueries':[]}";
    String table = "{'name':'T','type':'TABLE','timestamp':'','keyFormat':'KAFKA','valueFormat':'JSON',"
        + "'topic':'t','partitions':2,'replication':1,'extended':true,'statistics':'','errorStats':'',"
        + "'fields':[{'name':'K','schema':{'type':'INTEGER'},'type':'KEY'}],'readQueries':[],'writeQueries':[]}";
    assertThat(render("{'@type':'source_descriptions','statementText':'DESCRIBE STREAMS EXTENDED;',"
        + "'sourceDescriptions':[" + stream + "," + table + "],'warnings':[]}"))
        .isEqualTo(String.join("\n",
            "Name                 : S",
            "Type                 : STREAM",
            "Timestamp field      : Not set - using <ROWTIME>",
            "Key format           : KAFKA",
            "Value format         : JSON",
            "Kafka topic          : s (partitions: 1, replication: 1)",
            "",
            " Field | Type",
            "----------------------",
            " ID    | STRING (key)",
            "----------------------",
            "",
            "Name                 : T",
            "Type                 : TABLE",
            "Timestamp field      : Not set - using <ROWTIME>",
            "Key format           : KAFKA",
            "Value format         : JSON",
            "Kafka topic          : t (partitions: 2, replication: 1)",
            "",
            " Field | Type",
            "-------------------------------",
            " K     | INTEGER (primary key)",
            "-------------------------------",
            ""));
  }

  @Test
  void sourceDescriptionsWithoutSourcesPrintNothing() throws Exception {
    assertThat(render("{'@type':'source_descriptions','sourceDescriptions':[],'warnings':[]}")).isEmpty();
  }

  @Test
  void queryDescriptionsPrintEachQueryInTurn() throws Exception {
    String first = "{'id':'CSAS_A_1','statementText':'CREATE STREAM A AS SELECT * FROM S;','queryType':'PERSISTENT',"
        + "'state':'RUNNING','fields':[{'name':'ID','schema':{'type':'STRING'},'type':'KEY'}],"
        + "'sources':['S'],'sinks':['A'],'topology':'Topologies:','executionPlan':'','stages':{}}";
    String second = "{'id':'CSAS_B_2','statementText':'CREATE STREAM B AS SELECT * FROM S;','queryType':'PERSISTENT',"
        + "'state':'PAUSED','fields':[],'sources':['S'],'sinks':['B'],'topology':'','executionPlan':'','stages':{}}";
    assertThat(render("{'@type':'query_descriptions','statementText':'SHOW QUERIES EXTENDED;',"
        + "'queryDescriptions':[" + first + "," + second + "],'warnings':[]}"))
        .isEqualTo(String.join("\n",
            "ID                   : CSAS_A_1",
            "Query Type           : PERSISTENT",
            "SQL                  : CREATE STREAM A AS SELECT * FROM S;",
            "Status               : RUNNING",
            "",
            " Field | Type",
            "----------------------",
            " ID    | STRING (key)",
            "----------------------",
            "",
            "Sources that this query reads from:",
            "-----------------------------------",
            "S",
            "",
            "Sinks that this query writes to:",
            "--------------------------------",
            "A",
            "",
            "Processing topology",
            "-------------------",
            "Topologies:",
            "",
            "ID                   : CSAS_B_2",
            "Query Type           : PERSISTENT",
            "SQL                  : CREATE STREAM B AS SELECT * FROM S;",
            "Status               : PAUSED",
            "",
            "Sources that this query reads from:",
            "-----------------------------------",
            "S",
            "",
            "Sinks that this query writes to:",
            "--------------------------------",
            "B",
            ""));
  }

  @Test
  void terminateQuery() throws Exception {
    assertThat(render("{'@type':'terminate_query','queryId':'CSAS_S2_1','wasTerminated':true}"))
        .isEqualTo(String.join("\n",
            " Message",
            "-----------------------------",
            " Query CSAS_S2_1 terminated.",
            "-----------------------------",
            ""));
  }

  @Test
  void properties() throws Exception {
    assertThat(render("{'@type':'properties','properties':["
        + "{'name':'auto.offset.reset','scope':'KSQL','level':'SERVER','editable':true,'value':'earliest'}],"
        + "'overwrittenProperties':['auto.offset.reset'],'defaultProperties':[]}"))
        .isEqualTo(String.join("\n",
            " Property          | Scope | Level  | Default override | Effective Value",
            "-------------------------------------------------------------------------",
            " auto.offset.reset | KSQL  | SERVER | SERVER           | earliest",
            "-------------------------------------------------------------------------",
            ""));
  }

  @Test
  void executionPlanPrintsItsTexts() throws Exception {
    assertThat(render("{'@type':'executionPlan','statementText':'EXPLAIN ...','executionPlan':' > [ SINK ]\\n\\t\\t > [ SOURCE ]',"
        + "'topology':'Topologies:\\n   Sub-topology: 0'}"))
        .isEqualTo(String.join("\n",
            "Execution plan",
            "--------------",
            " > [ SINK ]",
            "\t\t > [ SOURCE ]",
            "",
            "topology",
            "--------",
            "Topologies:",
            "   Sub-topology: 0",
            ""));
  }

  @Test
  void warningsFollowTheirEntity() throws Exception {
    assertThat(render("{'@type':'warning_entity','message':'Nothing to do'}")).isEqualTo("Nothing to do\n");
    assertThat(render("{'@type':'currentStatus','commandStatus':{'message':'Done'},'warnings':[{'message':'careful'}]}"))
        .endsWith("-------\nWARNING: careful\n");
  }

  @Test
  void unknownTypeAsPrettyJson() throws Exception {
    JsonNode entity = JSON.readTree("{\"@type\":\"connector_list\",\"connectors\":[]}");
    assertThat(renderers.render(entity)).isEqualTo(String.join("\n",
        "{",
        "  \"@type\" : \"connector_list\",",
        "  \"connectors\" : [ ]",
        "}",
        ""));
  }

  @Test
  void describeFunction() throws Exception {
    assertThat(render("{'@type':'describe_function','name':'LEN','author':'Sluice','type':'SCALAR',"
        + "'description':'The length.','functions':[{'arguments':[{'name':'input','type':'STRING',"
        + "'description':'the text','isVariadic':false}],'returnType':'INT','description':'Characters.'}]}"))
        .isEqualTo("""
            Name                 : LEN
            Author               : Sluice
            Type                 : SCALAR
            Description          : The length.

            Variation            : LEN(input STRING)
            Returns              : INT
            Description          : Characters.
             Parameter | Type   | Description
            ----------------------------------
             input     | STRING | the text
            ----------------------------------
            """);
  }
}
