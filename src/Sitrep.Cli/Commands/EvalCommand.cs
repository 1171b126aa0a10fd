using System.CommandLine;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD_DIR") { Description = "Folder of gold <id>.json records." };
        var pred = new Argument<string>("PRED_DIR") { Description = "Folder of predicted <id>.json records." };
        var json = new Option<bool>("--json") { Description = "Print the figures as the JSON object of score.py --json." };
        var command = new Command("eval", "Score predictions against gold records: the figures of shared/tools/score.py.")
        {
            gold, pred, json, CommonOptions.Quiet(),
        };
        command.SetAction(parse =>
        {
            var goldDir = parse.GetValue(gold)!;
            var predDir = parse.GetValue(pred)!;
            foreach (var dir in new[] { goldDir, predDir })
            {
                if (!Directory.Exists(dir))
                {
                    Console.Error.WriteLine($"sitrep eval: no such directory: {dir}");
                    return 2;
                }
            }
            var result = Scorer.Score(goldDir, predDir);
            Console.Out.Write(parse.GetValue(json) ? ScoreReport.Json(result) : ScoreReport.Table(result));
            return 0;
        });
        return command;
    }
}
